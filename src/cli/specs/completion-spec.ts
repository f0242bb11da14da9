import type { CommandSpec } from '../command-spec.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export const completionSpec: CommandSpec = {
  name: 'completion',
  summary: 'print a shell completion script (bash, zsh or fish)',
  usage: 'iamdiff completion bash|zsh|fish',
  args: ['<shell>', '[words...]'],
  argComplete: 'shells',
  options: [],
  examples: ['source <(iamdiff completion bash)', 'iamdiff completion zsh > "${fpath[1]}/_iamdiff"', 'iamdiff completion fish > ~/.config/fish/completions/iamdiff.fish'],
  load: () => import('../../commands/completion-command.js'),
};
