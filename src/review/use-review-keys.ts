import { useInput } from 'ink';
import { keyToCommand, splitInput } from './keymap.js';
import type { ReviewCommand, ReviewState } from './review-reducer.js';

/**
 * Turn key presses into commands, one per character, each read against the state the
 * previous one left; `after` runs once per key press (the app redraws on it).
 */
export function useReviewKeys(current: () => ReviewState, run: (cmd: ReviewCommand) => void, after?: () => void): void {
  useInput((input, key) => {
    for (const [ch, k] of splitInput(input, key)) {
      const cmd = keyToCommand(ch, k, current());
      if (cmd) run(cmd);
    }
    after?.();
  });
}
