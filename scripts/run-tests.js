// Runs every test (type check, unit, API on both database engines, browser journeys) and ends with
// one plain line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const run = (args, options = {}) => spawnSync(node, args, { cwd: root, stdio: 'inherit', ...options });

let passed = 0;
let failed = 0;

const typecheck = run([path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
if (typecheck.status === 0) passed++;
else {
  failed++;
  console.error('type check failed');
}

const build = run([path.join(root, 'scripts/build-web-if-stale.js')]);
if (build.status !== 0) {
  console.error('web build failed');
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecosteward-vitest-')), 'report.json');
const extra = process.argv.slice(2);
const vitest = run([path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  // A file that failed to load counts as a failure even though none of its tests ran.
  failed += result.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
} else {
  failed++;
}
if (vitest.status !== 0 && failed === 0) failed++;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
