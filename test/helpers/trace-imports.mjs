// `node --import ./test/helpers/trace-imports.mjs …`: appends every module URL node loads to $IAMDIFF_TRACE.
import { register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url, { data: { file: process.env.IAMDIFF_TRACE } });
