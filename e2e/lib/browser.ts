// Chromium launch, screenshots, axe-core accessibility checks and small page helpers for the e2e tests.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, DEMO_PASSWORD } from './server.ts';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const SCREENSHOT_DIR = join(ROOT, 'e2e', 'screenshots');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run scripts/install-system-deps.sh`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export interface ContextOptions {
  baseUrl: string;
  width?: number;
  height?: number;
  /** 长辈版: set before any page script runs, the way the app itself persists it. */
  elderly?: boolean;
}

export async function newContext(browser: Browser, o: ContextOptions): Promise<BrowserContext> {
  const width = o.width ?? 1280;
  const context = await browser.newContext({
    baseURL: o.baseUrl,
    viewport: { width, height: o.height ?? (width < 600 ? 812 : 900) },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: width < 600 ? true : undefined,
    hasTouch: width < 600 ? true : undefined,
    deviceScaleFactor: 1,
  });
  const elderly = o.elderly ? '1' : '0';
  await context.addInitScript((v: string) => {
    try {
      localStorage.setItem('tongban.elderly', v);
    } catch {
      /* ignore */
    }
  }, elderly);
  context.setDefaultTimeout(15_000);
  return context;
}

/** Logs the browser context in through the API; the session cookie lands in the context's cookie jar. */
export async function loginContext(context: BrowserContext, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: { username, password } });
  if (!res.ok()) throw new Error(`login ${username} failed: ${res.status()} ${await res.text()}`);
}

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120);
}

/** Full-page screenshot into e2e/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${safeName(name)}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page; returns the serious and critical violations. */
export async function checkA11y(page: Page, _label: string): Promise<A11yViolation[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return (res.violations as { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' '), html: n.html.slice(0, 300), summary: (n.failureSummary ?? '').slice(0, 400) })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable assertion message for a list of violations. */
export function formatViolations(label: string, violations: A11yViolation[]): string {
  if (!violations.length) return `${label}: no serious/critical violations`;
  const lines = [`${label}: ${violations.length} serious/critical axe violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 8)) lines.push(`      ${n.target}\n        ${n.html.replace(/\s+/g, ' ')}\n        ${n.summary.replace(/\s+/g, ' ')}`);
    if (v.nodes.length > 8) lines.push(`      … and ${v.nodes.length - 8} more node(s)`);
  }
  return lines.join('\n');
}

/** Waits until the SPA has rendered real content: no route/skeleton spinners and no pending antd loading. */
export async function settle(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout }).catch(() => undefined);
  await page
    .waitForFunction(() => !document.querySelector('.tb-route-loading, .ant-skeleton, .ant-spin-spinning, .ant-table-placeholder .ant-spin'), undefined, { timeout })
    .catch(() => undefined);
  // Let antd's CSS-in-JS and transitions finish so colour-contrast sees final colours.
  await page.evaluate(() => document.fonts?.ready).catch(() => undefined);
  await page.waitForTimeout(400);
}

/** A tiny but structurally valid one-page PDF (correct xref offsets). */
export function tinyPdf(text = 'Tongban e2e'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 12 Tf 20 50 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  objects[3] = `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
