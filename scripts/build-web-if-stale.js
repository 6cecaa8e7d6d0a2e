// Builds the web UI when dist/web is missing or older than any file under src/web or src/common,
// so `npm start` on a fresh checkout serves a current UI without a separate build command.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestMtime(path.join(root, 'src/web')),
  newestMtime(path.join(root, 'src/common')),
  fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  fs.statSync(path.join(root, 'package-lock.json')).mtimeMs,
);
if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= sources) process.exit(0);

console.log('正在构建网页界面… / building the web UI…');
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
