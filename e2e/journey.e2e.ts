// The citizen journey in Chromium, across three people:
// a citizen finds 出生登记 and applies online with an uploaded PDF, the 综合窗口 clerk accepts the case,
// the 公安 reviewer approves and completes it, and the citizen sees 已办结 with the full timeline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, DEMO_PASSWORD, type RunningServer } from './lib/server.ts';
import { launchBrowser, newContext, shot, settle, tinyPdf } from './lib/browser.ts';
import { cjk, confirmCaseAction, loginViaForm, openCaseOnWorkbench } from './lib/ui.ts';

const ITEM_CODE = 'SFQ-GA-004';
const ITEM_NAME = '出生登记';
const MATERIAL = '出生医学证明';
const CASE_NO = /SFQ\d{14}/;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let caseNo = '';
let lastPage: Page | null = null;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.stop();
});

async function open(): Promise<Page> {
  const context = await newContext(browser, { baseUrl: server.baseUrl });
  contexts.push(context);
  const page = await context.newPage();
  lastPage = page;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && /module script|Failed to fetch dynamically/i.test(m.text()) && errors.push(m.text()));
  if (process.env.E2E_DEBUG === '1') {
    page.on('console', (m) => console.log(`[console ${m.type()}] ${m.text()}`));
    page.on('response', (r) => r.url().includes('/api/') && console.log(`[api] ${r.request().method()} ${r.url()} ${r.status()}`));
  }
  (page as Page & { jsErrors?: string[] }).jsErrors = errors;
  return page;
}

/** Fails with what the server printed, so a broken server shows up in the test output. */
function withServerLog<T>(p: Promise<T>): Promise<T> {
  return p.catch(async (e: Error) => {
    if (lastPage) {
      await shot(lastPage, `journey-FAILED-${Date.now()}`).catch(() => undefined);
      e.message += `\n--- page ${lastPage.url()} errors ---\n${((lastPage as Page & { jsErrors?: string[] }).jsErrors ?? []).join('\n') || '(none)'}`;
    }
    e.message += `\n--- last server output ---\n${server.output().slice(-2000)}`;
    throw e;
  });
}

async function openCaseFromWorkbench(page: Page, who: string) {
  await page.goto('/workbench');
  await settle(page);
  await page.getByRole('heading', { name: '办件工作台' }).waitFor();
  await shot(page, `journey-${who}-1-workbench`);
  await openCaseOnWorkbench(page, caseNo, ITEM_NAME, () => shot(page, `journey-${who}-2-found`));
}

const takeAction = (page: Page, label: string, who: string, step: string) =>
  confirmCaseAction(page, label, () => shot(page, `journey-${who}-${step}-dialog-${label}`));

test('a citizen applies for 出生登记 online; the clerk accepts, the 公安 reviewer approves and completes; the citizen sees 已办结', async (t) => {
  await t.test('the citizen finds the guide from the home page and applies with an uploaded PDF', () =>
    withServerLog(
      (async () => {
        const page = await open();
        await page.goto('/');
        await page.getByRole('heading', { name: '安澜市示范区一网通办', level: 1 }).waitFor();
        await settle(page);
        await shot(page, 'journey-citizen-1-home');

        await page.getByLabel('搜索办事事项').fill(ITEM_NAME);
        await page.getByRole('search').getByRole('button', { name: cjk('搜索') }).click();
        await page.waitForURL(/\/search\?q=/);
        const result = page.getByRole('link', { name: ITEM_NAME, exact: true });
        await result.first().waitFor();
        await settle(page);
        await shot(page, 'journey-citizen-2-search-results');

        await result.first().click();
        await page.waitForURL(new RegExp(`/items/${ITEM_CODE}$`));
        await page.getByRole('heading', { name: ITEM_NAME, level: 1 }).waitFor();
        await page.getByText(`事项编码：${ITEM_CODE}`).waitFor();
        await settle(page);
        await shot(page, 'journey-citizen-3-guide');

        // Not logged in yet: the guide offers 登录后在线办理, which goes through the login page.
        await page.getByRole('link', { name: /在线办理/ }).first().click();
        if (new URL(page.url()).pathname.startsWith('/login')) {
          await settle(page);
          await shot(page, 'journey-citizen-4-login');
          await loginViaForm(page, 'citizen', DEMO_PASSWORD);
        }
        if (new URL(page.url()).pathname.startsWith('/items/')) {
          await page.getByRole('link', { name: /在线办理/ }).first().click();
        }
        await page.waitForURL(new RegExp(`/apply/${ITEM_CODE}$`));
        await page.getByRole('heading', { name: new RegExp(`在线申请.*${ITEM_NAME}`), level: 1 }).waitFor();
        await settle(page);
        await shot(page, 'journey-citizen-5-apply-form');

        // Upload a PDF for 出生医学证明 through that material's own upload control.
        const uploadButton = page.getByRole('button', { name: new RegExp(`上传.*${MATERIAL}`) }).first();
        await uploadButton.waitFor();
        const row = page.locator('li').filter({ has: uploadButton }).first();
        await row.locator('input[type=file]').setInputFiles({ name: '出生医学证明.pdf', mimeType: 'application/pdf', buffer: tinyPdf('birth certificate') });
        await row.getByText('出生医学证明.pdf').first().waitFor();
        await row.getByText('已上传').waitFor({ timeout: 20_000 });
        await shot(page, 'journey-citizen-6-uploaded');

        await page.getByRole('button', { name: cjk('提交申请') }).click();
        await page.getByRole('heading', { name: '申请已提交' }).waitFor({ timeout: 20_000 });
        const caseNoText = (await page.getByTestId('case-no').textContent())?.trim() ?? '';
        assert.match(caseNoText, CASE_NO, `the receipt shows a case number, got "${caseNoText}"`);
        caseNo = caseNoText;
        await settle(page);
        await shot(page, 'journey-citizen-7-receipt');
        assert.deepEqual((page as Page & { jsErrors?: string[] }).jsErrors, [], 'no uncaught errors in the page');
      })(),
    ),
  );

  await t.test('the 综合窗口 clerk finds the case on the workbench and accepts it (受理)', () =>
    withServerLog(
      (async () => {
        assert.ok(caseNo, 'the citizen step produced a case number');
        const page = await open();
        await page.goto('/login');
        await loginViaForm(page, 'clerk', DEMO_PASSWORD);
        await openCaseFromWorkbench(page, 'clerk');
        await page.getByText(`办件编号：${caseNo}`).waitFor();
        await page.getByText('已提交待受理').first().waitFor();
        await shot(page, 'journey-clerk-3-case');
        await takeAction(page, '受理', 'clerk', '4');
        await page.getByText('已受理审查中').first().waitFor();
        await shot(page, 'journey-clerk-5-accepted');
        assert.deepEqual((page as Page & { jsErrors?: string[] }).jsErrors, [], 'no uncaught errors in the page');
      })(),
    ),
  );

  await t.test('the 公安 reviewer approves (准予许可) and completes (办结) the case', () =>
    withServerLog(
      (async () => {
        assert.ok(caseNo, 'the citizen step produced a case number');
        const page = await open();
        await page.goto('/login');
        await loginViaForm(page, 'reviewer-ga', DEMO_PASSWORD);
        await openCaseFromWorkbench(page, 'reviewer');
        await page.getByText('已受理审查中').first().waitFor();
        await shot(page, 'journey-reviewer-3-case');
        await takeAction(page, '准予许可', 'reviewer', '4');
        await page.getByRole('button', { name: cjk('办结') }).waitFor();
        await shot(page, 'journey-reviewer-5-approved');
        await takeAction(page, '办结', 'reviewer', '6');
        await page.getByText('已办结').first().waitFor();
        await shot(page, 'journey-reviewer-7-completed');
        assert.deepEqual((page as Page & { jsErrors?: string[] }).jsErrors, [], 'no uncaught errors in the page');
      })(),
    ),
  );

  await t.test('the citizen sees 已办结 in 我的办件 and the whole timeline', () =>
    withServerLog(
      (async () => {
        assert.ok(caseNo, 'the citizen step produced a case number');
        const page = await open();
        await page.goto('/login');
        await loginViaForm(page, 'citizen', DEMO_PASSWORD);
        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的办件' }).click();
        await page.waitForURL(/\/my\/cases/);
        // Each case is a list row: the item name links to the case, the case number and status are beside it.
        const row = page.getByRole('listitem').filter({ hasText: `办件编号：${caseNo}` });
        await row.first().waitFor();
        await settle(page);
        await row.first().getByText('已办结').first().waitFor();
        await shot(page, 'journey-citizen-8-my-cases');
        const link = row.first().getByRole('link', { name: ITEM_NAME });
        await link.first().click();
        await page.waitForURL(/\/my\/cases\/[^/]+$/);
        await page.getByText(caseNo).first().waitFor();
        await page.getByText('已办结').first().waitFor();
        await settle(page);
        // The timeline: submitted, accepted, approved, completed, each with its actor.
        const timeline = page.locator('.tb-case-timeline');
        await timeline.waitFor();
        for (const label of ['受理', '准予许可', '办结']) {
          await timeline.getByText(label, { exact: true }).first().waitFor();
        }
        const text = (await timeline.innerText()).replace(/\s+/g, ' ');
        assert.match(text, /已提交待受理 → 已受理审查中/, `timeline shows the acceptance: ${text}`);
        assert.match(text, /准予许可 → 已办结/, `timeline shows the completion: ${text}`);
        await shot(page, 'journey-citizen-9-case-detail');
        assert.deepEqual((page as Page & { jsErrors?: string[] }).jsErrors, [], 'no uncaught errors in the page');
      })(),
    ),
  );
});
