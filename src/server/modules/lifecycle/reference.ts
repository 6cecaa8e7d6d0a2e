/** Shipped reference data the lifecycle reads: the permit catalogue (data/permit) and GB/T 4754-2017 names (the registry's). */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { industryByCode } from '../registry';

/** src/server/modules/lifecycle → repository root → data/ */
const DATA_DIR = fileURLToPath(new URL('../../../../data/', import.meta.url));

export function readDataJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(DATA_DIR + relative, 'utf8')) as T;
}

/** Loads once per process on first use; reference data changes only with a release. */
export function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/** The name of a GB/T 4754-2017 code of any level ('26', '264', '2641'), or undefined. */
export function industryName(code: string): string | undefined {
  return industryByCode(code)?.name;
}
