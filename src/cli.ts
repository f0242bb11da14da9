#!/usr/bin/env node
import { createRequire } from 'node:module';

// `iamdiff --version` answers before any command module loads (start-up is most of its time).
const args = process.argv.slice(2);
if (args.length === 1 && ['--version', '-V', '-v', 'version'].includes(args[0]!)) {
  process.stdout.write(`${(createRequire(import.meta.url)('../../package.json') as { version: string }).version}\n`);
  process.exit(0);
}
const { main } = await import('./cli/main.js');
const { installSignalCleanup } = await import('./io/temp-files.js');

// Ctrl-C or kill while writing: temporary files are removed, exit code 128 + signal.
installSignalCleanup();

// A reader that went away (`iamdiff … | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(args, { stdout: process.stdout, stderr: process.stderr, env: process.env });
