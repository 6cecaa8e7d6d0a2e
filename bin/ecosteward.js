#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step between a checkout and a running product.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/server/cli.ts');
const code = await runCli(process.argv.slice(2)).catch((error) => {
  console.error(error);
  return 1;
});
if (code >= 0) process.exit(code);
