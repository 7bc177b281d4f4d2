#!/usr/bin/env node
// Adds lock-file entries for the platform binaries of napi-rs packages (e.g. @node-rs/jieba-darwin-x64)
// that the registry in use does not carry. Without them `npm ci` refuses the lock ("Missing: … from lock
// file") even though those binaries are for other platforms and would be skipped. Run after
// `npm install` whenever such a package is added or upgraded; it changes nothing when all entries exist.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(FILE, 'utf8'));
const OS = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', win32: 'win32' };
const CPU = { arm: 'arm', arm64: 'arm64', x64: 'x64', ia32: 'ia32' };
const LIBC = { gnu: 'glibc', gnueabihf: 'glibc', musl: 'musl' };

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    const m = dep.match(/-(android|darwin|freebsd|linux|win32)-(arm64|arm|x64|ia32)(?:-(gnueabihf|gnu|musl|msvc|eabi))?$/);
    if (!m) continue;
    const [, os, cpu, abi] = m;
    lock.packages[key] = { version, cpu: [CPU[cpu]], ...(LIBC[abi] && os === 'linux' ? { libc: [LIBC[abi]] } : {}), license: entry.license, optional: true, os: [OS[os]], ...(entry.engines ? { engines: entry.engines } : {}) };
    added++;
    void path;
  }
}
if (added) {
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(FILE, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(added ? `added ${added} platform entries to package-lock.json` : 'package-lock.json already lists every platform binary');
