// npm run bench:licences [-- --seconds 3 --pdfs 60]
//
// E-licence crypto and rendering on a fresh migrated + seeded PGlite store, through the real licence
// service: licences are issued (signed with a department's SM2 key), verified and rendered as signed PDFs.
//   signPerSec     SM2 signatures of licence claims per second (one core), the cost that issuing adds;
//   verifyPerSec   offline QR verifications per second (one core): parse the QR, SM2-verify with the
//                  published key, as a verifier's app or `npx tongban verify-licence` does;
//   verifyOnlinePerSec  POST /api/licences/verify's work without HTTP: signature, library lookup, digest;
//   pdfP50Ms/pdfP99Ms   GET /api/licences/:id/pdf's work: read, render (WenQuanYi subset, seal, QR), sign;
//   pdfBytes, and checks with real tools: the PDF embeds its font (pdffonts), renders with a fontconfig that
//   knows only DejaVu (pdftoppm), and its QR decodes to the licence's QR text (zbarimg, else jsQR).
// Progress on stderr; the last stdout line is one JSON object.
import { performance } from 'node:perf_hooks';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { parseArgs } from './lib/args.ts';
import { machineNote, progress, printResult, round } from './lib/report.ts';
import { summarize } from './lib/stats.ts';
import { freshStore } from './lib/setup.ts';
import { benchConfig, openSpec, prepareDatabase } from './lib/server.ts';
import { systemClock } from '../server/platform/clock.ts';
import { sm2Verify } from '../server/platform/sm.ts';
import { createKeyStore, loadMasterKey } from '../server/modules/licences/keys.ts';
import { createLicencesService } from '../server/modules/licences/licences.service.ts';
import { createVerifier } from '../server/modules/licences/licences.verify.ts';
import { claimsText, parseLicenceQr, type LicenceClaims } from '../domain/licence-document.ts';
import { LICENCE_TYPES } from '../domain/licence-types.ts';
import { DEMO_COMPANY } from '../server/seed/demo-accounts.ts';

const args = parseArgs({
  seconds: { default: 3, help: 'seconds per throughput measurement' },
  pdfs: { default: 60, help: 'PDFs rendered for the timing' },
});

/** Runs fn for about `seconds` and returns calls per second. */
function rate(seconds: number, fn: (i: number) => void) {
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) for (let k = 0; k < 20; k++) fn(n++);
  return n / ((performance.now() - start) / 1000);
}

async function rateAsync(seconds: number, fn: (i: number) => Promise<unknown>) {
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) await fn(n++);
  return n / ((performance.now() - start) / 1000);
}

function toolChecks(pdf: Buffer, qr: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-pdf-'));
  try {
    const file = join(dir, 'l.pdf');
    writeFileSync(file, pdf);
    const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
    const fonts = has('pdffonts') ? execFileSync('pdffonts', [file], { encoding: 'utf8' }) : '';
    const fontEmbedded = fonts ? fonts.split('\n').slice(2).filter(Boolean).every((l) => /\byes\b/.test(l)) : null;
    // A fontconfig that knows only DejaVu: the page must render from the embedded subset alone.
    writeFileSync(join(dir, 'fonts.conf'), `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>`);
    if (!has('pdftoppm')) return { fontEmbedded, rendersWithoutCjkFonts: null, qrDecodes: null };
    const env = { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') };
    const r = spawnSync('pdftoppm', ['-r', '150', '-gray', '-singlefile', file, join(dir, 'page')], { env, encoding: 'utf8' });
    const rendersWithoutCjkFonts = r.status === 0 && !/error/i.test(r.stderr);
    let decoded: string | undefined;
    if (has('zbarimg')) {
      spawnSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, join(dir, 'page')], { env });
      const z = spawnSync('zbarimg', ['--raw', '-q', join(dir, 'page.png')], { encoding: 'utf8' });
      decoded = z.stdout.trim() || undefined;
    } else {
      // PGM (P5): header "P5\n<w> <h>\n255\n", then one byte per pixel.
      const pgm = readFileSync(join(dir, 'page.pgm'));
      const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
      const [w, h] = [Number(m[1]), Number(m[2])];
      const gray = pgm.subarray(m[0].length);
      const rgba = new Uint8ClampedArray(w * h * 4);
      for (let i = 0; i < w * h; i++) rgba.fill(gray[i]!, i * 4, i * 4 + 3), (rgba[i * 4 + 3] = 255);
      decoded = jsQR(rgba, w, h)?.data;
    }
    return { fontEmbedded, rendersWithoutCjkFonts, qrDecodes: decoded === qr, qrDecoder: has('zbarimg') ? 'zbarimg' : 'jsqr' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const store = await freshStore('pglite');
  const database = await openSpec(store.spec);
  const { config, cleanup } = benchConfig('warn');
  try {
    progress('migrating and seeding a fresh PGlite store');
    await prepareDatabase(database);
    const keys = createKeyStore(database.db, systemClock, loadMasterKey(config), config.sealMakerDepartment);
    const service = createLicencesService(database.db, systemClock, keys, config.publicUrl);
    const verifier = createVerifier(database.db, systemClock, keys);
    const type = LICENCE_TYPES.find((t) => t.name === '营业执照')!;
    const issued = await service.issue({ type, holder: { kind: 'enterprise', name: DEMO_COMPANY.name, id: DEMO_COMPANY.uscc, address: '安澜市示范区东城街道科创路 66 号', legalRep: '王五' }, departmentId: 'scjg', actor: { id: null, name: 'bench' } });
    const key = await keys.currentKey('scjg');
    const row = await database.db.selectFrom('licences').selectAll().where('id', '=', issued.id).executeTakeFirstOrThrow();
    const qr = service.qrOf(row);
    const parsedOnce = parseLicenceQr(qr);
    if (!parsedOnce.ok) throw new Error('bench licence QR does not parse');
    const claims: LicenceClaims = parsedOnce.claims;

    progress(`signing for ${args.seconds} s`);
    const signPerSec = rate(args.seconds, (i) => keys.sign(key, claimsText({ ...claims, num: `${claims.num}${i % 1000}` })));
    progress(`offline verification for ${args.seconds} s`);
    const published = (await keys.list()).find((k) => k.kid === claims.kid)!.publicKey;
    let failures = 0;
    const verifyPerSec = rate(args.seconds, () => {
      const q = parseLicenceQr(qr);
      if (!q.ok || !sm2Verify(q.signedText, q.signatureHex, published)) failures++;
    });
    progress(`online verification for ${args.seconds} s`);
    const verifyOnlinePerSec = await rateAsync(args.seconds, async () => {
      if ((await verifier.verifyQr(qr)).status !== 'valid') failures++;
    });

    progress(`rendering ${args.pdfs} PDFs`);
    const holder = await database.db.selectFrom('users').select(['id', 'username', 'roles', 'departmentId', 'kind', 'realName']).where('username', '=', 'enterprise').executeTakeFirstOrThrow();
    const user = { ...holder, roles: holder.roles as never, kind: holder.kind as never };
    const times: number[] = [];
    let pdf: Uint8Array = new Uint8Array();
    for (let i = 0; i < args.pdfs + 3; i++) {
      const t0 = performance.now();
      pdf = (await service.pdf(user, issued.id)).bytes;
      if (i >= 3) times.push(performance.now() - t0); // the first renders load and subset the font
    }
    const s = summarize(times);
    const pdfCheck = await verifier.verifyPdf(pdf);
    if (pdfCheck.status !== 'valid') failures++;
    const checks = toolChecks(Buffer.from(pdf), qr);
    progress(`checks: ${JSON.stringify(checks)}`);
    printResult({
      signPerSec: round(signPerSec, 0), verifyPerSec: round(verifyPerSec, 0), pdfP50Ms: round(s.p50), pdfP99Ms: round(s.p99),
      pdfBytes: pdf.length, verifyOnlinePerSec: round(verifyOnlinePerSec, 0), verificationFailures: failures, pdfs: s.n, ...checks,
      targets: { verifyPerSec: 1000, pdfP99Ms: 300, pdfBytes: 200 * 1024 }, machine: machineNote(),
    });
  } finally {
    await database.close();
    await store.drop();
    cleanup();
  }
}

await main();
