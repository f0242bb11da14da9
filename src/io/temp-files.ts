import { unlinkSync } from 'node:fs';

/**
 * Temporary files being written (atomic writes), removed if the process is stopped by
 * SIGINT, SIGTERM or SIGHUP. With the handlers installed a signal is handled between
 * synchronous steps, so a write in progress finishes (or fails and cleans up) first.
 */
const pending = new Set<string>();
const exitHooks = new Set<() => void>();

export function trackTemp(path: string): void {
  pending.add(path);
}

export function untrackTemp(path: string): void {
  pending.delete(path);
}

/** Temporary files still pending (for tests). */
export function pendingTemps(): string[] {
  return [...pending];
}

/** Something to undo before a signal ends the process (restore the terminal, …). */
export function onSignalExit(hook: () => void): () => void {
  exitHooks.add(hook);
  return () => exitHooks.delete(hook);
}

export function removePendingTemps(): void {
  for (const p of pending) {
    try {
      unlinkSync(p);
    } catch {
      /* already gone */
    }
  }
  pending.clear();
}

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
let installed = false;

/** Install the handlers once: remove pending temporary files, run the hooks, exit 128 + signal number. */
export function installSignalCleanup(proc: NodeJS.Process = process): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(SIGNAL_CODES)) {
    proc.on(signal as NodeJS.Signals, () => {
      for (const hook of exitHooks) {
        try {
          hook();
        } catch {
          /* keep cleaning up */
        }
      }
      removePendingTemps();
      proc.exit(code);
    });
  }
}
