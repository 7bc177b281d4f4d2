// Builds the web app (vite) only when dist/web/index.html is missing or older than any file under web/.
// Used by `npm start` so the first run builds, and later runs start immediately.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDir = join(root, 'web');
const builtIndex = join(root, 'dist', 'web', 'index.html');
// The web app also imports the pure domain code (status labels, enums).
const sourceDirs = [webDir, join(root, 'domain')];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.isFile()) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (process.env.TONGBAN_FORCE_WEB_BUILD === '1') return 'forced';
  if (!existsSync(builtIndex)) return 'dist/web/index.html is missing';
  const built = statSync(builtIndex).mtimeMs;
  for (const dir of sourceDirs) {
    if (existsSync(dir) && newestMtime(dir) > built) return `${dir.slice(root.length + 1)}/ changed since the last build`;
  }
  return null;
}

const reason = needsBuild();
if (!reason) {
  console.log('[web] dist/web is up to date, skipping build');
  process.exit(0);
}
console.log(`[web] building the web app (${reason}) …`);
const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(process.execPath, [viteBin, 'build', '--config', 'web/vite.config.ts'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('[web] build failed');
  process.exit(result.status ?? 1);
}
