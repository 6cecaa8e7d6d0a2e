import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** src/server/modules/registry/reference → repository root → data/ (the product's shipped reference data). */
const DATA_DIR = fileURLToPath(new URL('../../../../../data/', import.meta.url));

export function readDataJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(DATA_DIR + relative, 'utf8')) as T;
}

/** Loads once per process on first use; reference data changes only with a release. */
export function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}
