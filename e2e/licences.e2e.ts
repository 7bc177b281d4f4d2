// E-licences in Chromium, every step through the pages its user would use, on a real server:
// a citizen applies for 无犯罪记录证明出具 → the 综合窗口 clerk accepts → the 公安 reviewer approves and completes
// (办结), which issues a signed e-licence → it appears in the citizen's 卡包 → the citizen shows it by code (亮证)
// → the hotel's verifier opens the code on /verify and sees only the chosen fields → the citizen sees that view in
// 亮证记录 → anyone pasting the licence's own QR text on /verify is told 真实有效.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, apiLogin, startServer, type RunningServer } from './lib/server.ts';
import { launchBrowser, newContext, settle, shot, tinyPdf } from './lib/browser.ts';
import { cjk, confirmCaseAction, openAs, openCaseOnWorkbench, step as runStep, type TrackedPage } from './lib/ui.ts';

const ITEM_CODE = 'SFQ-GA-014';
const ITEM_NAME = '无犯罪记录证明出具';
const LICENCE_NAME = '无犯罪记录证明';
const CONCLUSION = '经查询，未发现该人有犯罪记录。';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let caseNo = '';
let applicationId = '';
let licenceId = '';
let code = '';

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.stop();
});

const open = (username: string, path: string) => openAs(browser, server.baseUrl, contexts, username, path);
const step = <T>(page: TrackedPage, name: string, body: () => Promise<T>) => runStep(page, `licences-${name}`, body, server.output);
const noErrors = (page: TrackedPage) => assert.deepEqual(page.jsErrors ?? [], [], 'no uncaught errors in the page');


test('a citizen applies online for 无犯罪记录证明出具', { timeout: 120_000 }, async () => {
  const page = await open('citizen', `/apply/${ITEM_CODE}`);
  await step(page, 'apply', async () => {
    await page.getByRole('heading', { name: new RegExp(`在线申请.*${ITEM_NAME}`), level: 1 }).waitFor();
    // Upload a PDF for every required material (also those 免提交 could supply: this test does not rely on it).
    const { materials } = await apiCall<{ materials: { name: string; required: boolean }[] }>(server.baseUrl, null, 'GET', `/api/items/${ITEM_CODE}`);
    for (const m of materials.filter((x) => x.required)) {
      const row = page.locator('li.tb-material').filter({ has: page.getByText(m.name, { exact: true }) }).first();
      await row.locator('input[type=file]').setInputFiles({ name: `${m.name}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(m.name.length.toString()) });
      await row.getByText('已上传').first().waitFor({ timeout: 20_000 });
    }
    await page.getByRole('button', { name: cjk('提交申请') }).click();
    await page.getByRole('heading', { name: '申请已提交' }).waitFor({ timeout: 20_000 });
    caseNo = ((await page.getByTestId('case-no').textContent()) ?? '').trim();
    assert.match(caseNo, /SFQ\d{14}/);
    await settle(page);
    await shot(page, 'licences-1-applied');
    noErrors(page);
  });
  const token = await apiLogin(server.baseUrl, 'citizen');
  const mine = await apiCall<{ items: { id: string; caseNo: string }[] }>(server.baseUrl, token, 'GET', `/api/applications?q=${caseNo}`);
  applicationId = mine.items.find((a) => a.caseNo === caseNo)?.id ?? '';
  assert.ok(applicationId, 'the citizen finds the case by its number');
});

test('the clerk accepts it; the 公安 reviewer approves and completes it, which issues the licence', { timeout: 180_000 }, async () => {
  const clerk = await open('clerk', '/workbench');
  await step(clerk, 'accept', async () => {
    await openCaseOnWorkbench(clerk, caseNo, ITEM_NAME);
    await confirmCaseAction(clerk, '受理');
    await clerk.getByText('已受理审查中').first().waitFor();
    noErrors(clerk);
  });
  const reviewer = await open('reviewer-ga', '/workbench');
  await step(reviewer, 'complete', async () => {
    await openCaseOnWorkbench(reviewer, caseNo, ITEM_NAME);
    await confirmCaseAction(reviewer, '准予许可');
    await reviewer.getByRole('button', { name: cjk('办结') }).waitFor();
    await confirmCaseAction(reviewer, '办结');
    await reviewer.getByText('已办结').first().waitFor();
    await reviewer.getByText(LICENCE_NAME).first().waitFor(); // the case shows the licence it issued
    await shot(reviewer, 'licences-2-completed');
    noErrors(reviewer);
  });
  const token = await apiLogin(server.baseUrl, 'citizen');
  const detail = await apiCall<{ status: string; licence: { id: string; typeName: string; status: string } | null }>(server.baseUrl, token, 'GET', `/api/applications/${applicationId}`);
  assert.equal(detail.status, 'completed');
  assert.equal(detail.licence?.typeName, LICENCE_NAME);
  assert.equal(detail.licence?.status, '01');
  licenceId = detail.licence!.id;
});

test('the licence is in the citizen’s 卡包; the citizen opens it and shows it by code (亮证)', { timeout: 120_000 }, async () => {
  const page = await open('citizen', '/');
  await step(page, 'wallet', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的卡包' }).click();
    await page.getByRole('heading', { name: '我的卡包', level: 1 }).waitFor();
    const card = page.locator(`a[href="/wallet/${licenceId}"]`);
    await card.waitFor();
    assert.match(await card.innerText(), new RegExp(`${LICENCE_NAME}[\\s\\S]*有效`));
    await settle(page);
    await shot(page, 'licences-3-wallet');
    await card.click();
    await page.getByRole('heading', { name: LICENCE_NAME, level: 1 }).waitFor();
    await page.getByText(CONCLUSION).first().waitFor();
    await page.getByText(caseNo).first().waitFor(); // the licence names the case that issued it
    await settle(page);
    await shot(page, 'licences-4-licence');
  });
  await step(page, 'show', async () => {
    await page.getByRole('button', { name: cjk('亮证') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Defaults: the non-sensitive fields; the 身份证号 is not shown unless chosen.
    assert.equal(await dialog.getByRole('checkbox', { name: /公民身份号码/ }).isChecked(), false);
    assert.equal(await dialog.getByRole('checkbox', { name: '证明内容' }).isChecked(), true);
    await dialog.getByRole('checkbox', { name: '用途' }).uncheck();
    await dialog.getByRole('button', { name: '生成亮证码' }).click();
    const shown = dialog.getByTestId('presentation-code');
    await shown.waitFor();
    code = ((await shown.textContent()) ?? '').replace(/\s/g, '');
    assert.match(code, /^[A-Z2-9]{12}$/);
    await dialog.getByText('剩余有效时间').waitFor();
    await settle(page);
    await shot(page, 'licences-5-shown');
    noErrors(page);
  });
});

test('the verifier opens the code on /verify and sees only the fields the citizen chose', { timeout: 120_000 }, async () => {
  const page = await open('verifier', `/verify?p=${code}`);
  await step(page, 'verifier', async () => {
    const shown = page.getByTestId('presented-licence');
    await shown.waitFor();
    const text = await shown.innerText();
    assert.match(text, /真实有效/);
    assert.ok(text.includes(CONCLUSION), text);
    assert.ok(!text.includes('就业、入学等'), 'the unchecked 用途 is not disclosed');
    assert.ok(!/公民身份号码/.test(text), 'the 身份证号 is not disclosed');
    await settle(page);
    await shot(page, 'licences-6-verifier');
    noErrors(page);
  });

  const holder = await open('citizen', `/wallet/${licenceId}`);
  await step(holder, 'views', async () => {
    const log = holder.getByRole('region', { name: '亮证记录' });
    await log.getByText('安澜示范大酒店').first().waitFor();
    await holder.getByRole('heading', { name: '亮证记录' }).scrollIntoViewIfNeeded();
    await shot(holder, 'licences-7-views');
  });
});

test('anyone pasting the licence’s QR text on /verify is told 真实有效', { timeout: 120_000 }, async () => {
  const token = await apiLogin(server.baseUrl, 'citizen');
  const { qr, number } = await apiCall<{ qr: string; number: string }>(server.baseUrl, token, 'GET', `/api/licences/${licenceId}`);
  const context = await newContext(browser, { baseUrl: server.baseUrl });
  contexts.push(context);
  const page: TrackedPage = await context.newPage();
  page.jsErrors = [];
  page.on('pageerror', (e) => page.jsErrors!.push(String(e)));
  await page.goto('/verify');
  await step(page, 'verify', async () => {
    await page.getByRole('heading', { name: /证照核验/, level: 1 }).waitFor();
    await page.getByText('粘贴核验码', { exact: true }).click();
    await page.getByLabel('二维码内容或亮证链接').fill(qr);
    await page.getByRole('button', { name: '开始核验' }).click();
    const verdict = page.getByTestId('verify-verdict');
    await verdict.getByRole('heading', { name: '真实有效' }).waitFor({ timeout: 20_000 });
    assert.ok((await verdict.innerText()).includes(number));
    await settle(page);
    await shot(page, 'licences-8-verified');
    noErrors(page);
  });
});
