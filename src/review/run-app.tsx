import { Box, render, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { ReviewApp, type ReviewAppProps } from './app.js';
import { loadingLines, type LoadingState } from './loading-screen.js';

export interface Streams {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/** How the session drives the mounted UI: loading progress, then the review itself. */
export interface ReviewBus {
  progress?: (s: LoadingState) => void;
  start?: (props: ReviewAppProps) => void;
  /** Called once progress and start are there. */
  onReady?: () => void;
}

/** The loading screen, as the plain first frame draws it; q (or Ctrl-C) gives up. */
export function LoadingView({ state }: { state: LoadingState }) {
  const { stdout } = useStdout();
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return (
    <Box flexDirection="column">
      {loadingLines(state, stdout.columns || 80).map((l, i) => (
        <Text key={i}>{l || ' '}</Text>
      ))}
    </Box>
  );
}

/** The loading screen until the diff is there, then the app. */
export function ReviewRoot({ initial, bus }: { initial: LoadingState; bus: ReviewBus }) {
  const [loading, setLoading] = useState(initial);
  const [props, setProps] = useState<ReviewAppProps>();
  useEffect(() => {
    bus.progress = (s) => setLoading({ ...s, sides: { old: { ...s.sides.old }, new: { ...s.sides.new } } });
    bus.start = setProps;
    bus.onReady?.();
  }, [bus]);
  return props ? <ReviewApp {...props} /> : <LoadingView state={loading} />;
}

/**
 * Mount the UI on the terminal while loading goes on (React, ink and their first layout are
 * warm when the diff arrives); `exited` resolves when the user quits.
 */
export function mountReview(initial: LoadingState, streams: Streams): { bus: ReviewBus; ready: Promise<void>; exited: Promise<void> } {
  const bus: ReviewBus = {};
  const ready = new Promise<void>((resolve) => (bus.onReady = resolve));
  const app = render(<ReviewRoot initial={initial} bus={bus} />, {
    stdout: streams.stdout,
    stdin: streams.stdin,
    stderr: streams.stderr,
    patchConsole: false,
    exitOnCtrlC: true,
    // ink draws at most maxFps frames a second (30 unless told): at 60 the tree follows the
    // loading screen without a 33 ms wait, and a held key still redraws well within its 50 ms.
    maxFps: 60,
  });
  return { bus, ready, exited: app.waitUntilExit().then(() => undefined) };
}
