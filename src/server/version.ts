import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageJson = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
export const VERSION: string = JSON.parse(readFileSync(packageJson, 'utf8')).version;
