// The 12345 desk in Chromium: the hotline operator enters a call (the classifier proposes labels as they
// type), lands on the new request and dispatches it to 东城街道; that street's handler finds it in 待签收
// and signs for it. (The full citizen → dashboard journey is in journey tests.)
// E2E_BASE_URL points the test at an already running server instead of starting one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from './lib/server.ts';
import { launchBrowser, settle, shot } from './lib/browser.ts';
import { cjk, openAs, step, type TrackedPage } from './lib/ui.ts';

const TICKET = /\d{14}/;
const TEXT = '春晖社区东门的路灯坏了一个星期了，晚上很黑，老人出门不方便，希望尽快修好';

let server: RunningServer | null = null;
let baseUrl = '';
let browser: Browser;
const contexts: BrowserContext[] = [];
let requestPath = '';
let ticketNo = '';

before(async () => {
  if (process.env.E2E_BASE_URL) baseUrl = process.env.E2E_BASE_URL;
  else {
    server = await startServer();
    baseUrl = server.baseUrl;
  }
  browser = await launchBrowser();
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.stop();
});

const open = (username: string, path: string) => openAs(browser, baseUrl, contexts, username, path);
const failWithShot = <T>(page: TrackedPage, name: string, p: Promise<T>) => step(page, `desk-${name}`, () => p, server ? server.output : undefined);

test('the operator enters a call, sees the proposal and dispatches it to 东城街道', { timeout: 120_000 }, async () => {
  const page = await open('operator', '/desk/requests/new');
  await failWithShot(page, 'call', (async () => {
    await page.getByRole('heading', { name: '来电登记' }).waitFor();
    await page.getByLabel('诉求内容').fill(TEXT);
    // The classifier answers while the operator types (the first call may train the model).
    await page.getByText(/置信度 \d+%/).first().waitFor({ timeout: 60_000 });
    await page.getByLabel('来电人称呼').fill('王先生');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('详细地址').fill('春晖社区东门');
    await page.getByRole('button', { name: cjk('登记并生成工单') }).click();
    await page.waitForURL(/\/desk\/requests\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    requestPath = new URL(page.url()).pathname;
    const heading = await page.getByRole('heading', { level: 1, name: /工单 \d{14}/ }).innerText();
    ticketNo = TICKET.exec(heading)?.[0] ?? '';
    assert.ok(ticketNo, `the request page shows a ticket number: ${heading}`);
    await page.getByText('已受理待派单').first().waitFor();

    await page.getByRole('button', { name: cjk('派单') }).click();
    const dept = page.getByLabel('主办部门');
    await dept.click();
    await dept.fill('东城街道');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="东城街道"]').click();
    await page.getByRole('button', { name: cjk('确认派单') }).click();
    await page.getByText('已派单待签收').first().waitFor({ timeout: 20_000 });
    await page.getByText('承办部门：东城街道').waitFor(); // the dispatch event in the history
    await settle(page);
    await shot(page, 'desk-dispatched');
  })());
});

test('the street handler finds it in 待签收 and signs for it', { timeout: 120_000 }, async () => {
  assert.ok(requestPath, 'the previous test created a request');
  const page = await open('handler-dcjd', '/desk/requests');
  await failWithShot(page, 'sign', (async () => {
    await page.getByRole('heading', { name: '诉求工作台' }).waitFor();
    await page.getByRole('tab', { name: /待签收/, selected: true }).waitFor();
    // Found by its ticket number, however long the queue is.
    await page.getByLabel('工单号 / 诉求内容').fill(ticketNo);
    await page.getByLabel('工单号 / 诉求内容').press('Enter');
    await page.getByRole('link', { name: ticketNo }).first().click();
    await page.waitForURL((u) => u.pathname === requestPath);
    // Departments see the caller's phone number masked.
    await page.getByText(/138\*{4}8000/).waitFor();
    await page.getByRole('button', { name: cjk('签收') }).click();
    await page.getByRole('button', { name: cjk('提交签收') }).click();
    await page.getByText('办理中').first().waitFor({ timeout: 20_000 });
    assert.equal(await page.getByRole('button', { name: cjk('答复') }).count(), 1, 'after signing, the handler can reply');
    await shot(page, 'desk-signed');
  })());
});
