import type { IamdiffConfig } from '../config/config-types.js';

/** What a subcommand needs from the process, so tests can run it in-process. */
export interface CommandIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string): unknown };
  env: NodeJS.ProcessEnv;
  /** The config file in force (.iamdiff.yaml or --config), if any. */
  config?: IamdiffConfig;
}
