import { createRequire } from 'node:module';
import type { z as Z } from 'zod';

/**
 * zod, loaded on first use: importing it costs 30–50 ms, and most runs (HTML pages and
 * iamdiff's own snapshots, checked by catalog-shape) never need it.
 */
let zod: typeof Z | undefined;
export function zodLib(): typeof Z {
  return (zod ??= (createRequire(import.meta.url)('zod') as { z: typeof Z }).z);
}

/** A schema built on first use (and kept): `const shape = lazySchema((z) => z.object(…))`, used as `shape()`. */
export function lazySchema<T>(build: (z: typeof Z) => T): () => T {
  let built: T | undefined;
  return () => (built ??= build(zodLib()));
}

/** A schema, or a thunk that builds it on first use. */
export type Lazy<S> = S | (() => S);

export function resolveSchema<S extends object>(schema: Lazy<S>): S {
  return typeof schema === 'function' ? (schema as () => S)() : schema;
}
