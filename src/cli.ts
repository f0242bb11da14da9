#!/usr/bin/env node
import { main } from './cli/main.js';
import { installSignalCleanup } from './io/temp-files.js';

// Ctrl-C or kill while writing: temporary files are removed, exit code 128 + signal.
installSignalCleanup();

// A reader that went away (`iamdiff … | head`) is not an error: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
