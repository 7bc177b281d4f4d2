#!/usr/bin/env node
// `tongban` command: runs cli/main.ts through tsx (the project runs TypeScript directly).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tsx = dirname(require.resolve('tsx/package.json'));
const res = spawnSync(process.execPath, ['--import', join(tsx, 'dist/loader.mjs'), join(here, 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(res.status ?? 1);
