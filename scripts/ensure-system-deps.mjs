#!/usr/bin/env node
// Runs before `npm test` and `npm start` (pretest / prestart): installs the Debian packages the project
// needs (scripts/install-system-deps.sh: chromium, CJK fonts, postgresql, poppler-utils, zbar-tools) when
// any is missing. It costs nothing when all are present. Where apt-get is not available (another system)
// or the install fails, it warns and lets the command go on: the tests that need a missing tool then say
// which. TONGBAN_SKIP_SYSTEM_DEPS=1 skips it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

if (process.env.TONGBAN_SKIP_SYSTEM_DEPS === '1') process.exit(0);
const hasApt = process.platform === 'linux' && spawnSync('sh', ['-c', 'command -v apt-get && command -v dpkg-query'], { stdio: 'ignore' }).status === 0;
if (!hasApt) {
  console.warn('[ensure-system-deps] no apt-get here: install chromium, CJK fonts (WenQuanYi Micro Hei), postgresql, poppler-utils and zbar-tools yourself');
  process.exit(0);
}
const script = join(import.meta.dirname, 'install-system-deps.sh');
const res = existsSync(script) ? spawnSync('bash', [script], { stdio: 'inherit' }) : { status: 1 };
if (res.status !== 0) console.warn('[ensure-system-deps] could not install the system packages; tests that need them will fail and say which');
