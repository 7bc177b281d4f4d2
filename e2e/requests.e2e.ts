// The 12345 closed loop in Chromium, every step through the pages its user would use, on a real server:
// a citizen reports a problem at 我要反映 → the hotline operator dispatches it → the department signs and
// replies → the operator approves the reply → the citizen rates it 满意 → the supervisor's dashboard counts it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, apiLogin, startServer, type RunningServer } from './lib/server.ts';
import { launchBrowser, settle, shot } from './lib/browser.ts';
import { cjk, openAs, step as runStep, type TrackedPage } from './lib/ui.ts';

const TEXT = '西湖新村5栋门口的下水道井盖破了一个大洞，晚上看不清很危险，希望尽快更换';
const PHONE = '13700137001';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let requestId = '';
let ticketNo = '';
let departmentId = '';

interface Totals { received: number; closed: number; satisfactionRate: number | null }
let before0: Totals;

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
const step = <T>(page: TrackedPage, name: string, body: () => Promise<T>) => runStep(page, `requests-${name}`, body, server.output);

/** The figures of the dashboard's default range: the last 30 days, China dates. */
const stats = async (): Promise<Totals> => {
  const token = await apiLogin(server.baseUrl, 'supervisor');
  const day = (msAgo: number) => new Date(Date.now() - msAgo).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return (await apiCall<{ totals: Totals }>(server.baseUrl, token, 'GET', `/api/requests/stats?from=${day(29 * 86_400_000)}&to=${day(0)}`)).totals;
};

/** Opens the request at the desk and takes one action through its inline form. */
async function deskAction(page: Page, action: string, fill?: () => Promise<void>) {
  await page.getByRole('button', { name: cjk(action) }).first().click();
  await fill?.();
  await page.getByRole('button', { name: cjk(`提交${action}`) }).click();
}

test('a citizen reports a problem at 我要反映 and gets a ticket number', { timeout: 120_000 }, async () => {
  before0 = await stats();
  const page = await open('citizen', '/requests/new');
  await step(page, 'submit', async () => {
    await page.getByLabel('诉求内容').fill(TEXT);
    await page.getByLabel('联系人').fill('张先生');
    await page.getByLabel('联系电话').fill(PHONE);
    await page.getByRole('button', { name: cjk('提交诉求') }).click();
    ticketNo = (await page.getByTestId('ticket-no').innerText({ timeout: 60_000 })).replace(/\s/g, '');
    assert.match(ticketNo, /^\d{14}$/);
    await settle(page);
    await shot(page, 'requests-1-submitted');
  });
  const token = await apiLogin(server.baseUrl, 'citizen');
  const mine = await apiCall<{ items: { id: string; ticketNo: string }[] }>(server.baseUrl, token, 'GET', `/api/requests?q=${ticketNo}`);
  requestId = mine.items.find((r) => r.ticketNo === ticketNo)?.id ?? '';
  assert.ok(requestId, 'the citizen finds their request by its ticket number');
});

test('the hotline operator dispatches it to the proposed department', { timeout: 120_000 }, async () => {
  const page = await open('operator', `/desk/requests/${requestId}`);
  await step(page, 'dispatch', async () => {
    await page.getByText(TEXT).first().waitFor();
    await page.getByText('已受理待派单').first().waitFor();
    await page.getByRole('button', { name: cjk('派单') }).first().click();
    // The department is prefilled from the classification (or a direct-dispatch rule); the operator confirms it.
    await page.getByRole('button', { name: cjk('确认派单') }).click();
    await page.getByText('已派单待签收').first().waitFor({ timeout: 20_000 });
    await shot(page, 'requests-2-dispatched');
  });
  const token = await apiLogin(server.baseUrl, 'operator');
  departmentId = (await apiCall<{ departmentId: string; phone: string }>(server.baseUrl, token, 'GET', `/api/requests/${requestId}`)).departmentId;
  assert.ok(departmentId);
});

test('the department signs for it and replies', { timeout: 120_000 }, async () => {
  const page = await open(`handler-${departmentId}`, `/desk/requests/${requestId}`);
  await step(page, 'reply', async () => {
    await page.getByText(/137\*{4}7001/).first().waitFor(); // departments see the phone masked
    assert.equal(await page.getByText(PHONE).count(), 0);
    await deskAction(page, '签收');
    await page.getByText('办理中').first().waitFor({ timeout: 20_000 });
    await deskAction(page, '答复', async () => {
      await page.getByRole('radio', { name: '已解决' }).check();
      await page.getByLabel('答复内容').fill('经现场核实，已于当天更换新的井盖并加固，隐患已消除。');
    });
    await page.getByText('已答复待审核').first().waitFor({ timeout: 20_000 });
    await shot(page, 'requests-3-replied');
  });
});

test('the operator approves the reply and it goes to the citizen', { timeout: 120_000 }, async () => {
  const page = await open('operator', `/desk/requests/${requestId}`);
  await step(page, 'approve', async () => {
    await page.getByText('经现场核实').first().waitFor();
    await deskAction(page, '审核通过');
    await page.getByText('已答复待回访').first().waitFor({ timeout: 20_000 });
  });
});

test('the citizen reads the answer and rates it 满意; the dashboard counts it', { timeout: 120_000 }, async () => {
  const page = await open('citizen', `/my/requests/${requestId}`);
  await step(page, 'rate', async () => {
    await page.getByText('经现场核实，已于当天更换新的井盖').first().waitFor();
    await page.getByRole('radiogroup', { name: '评价' }).getByText('满意', { exact: true }).click();
    await page.getByRole('button', { name: cjk('提交评价') }).click();
    await page.getByText('感谢您的评价').first().waitFor({ timeout: 20_000 });
    await shot(page, 'requests-4-rated');
  });

  const after1 = await stats();
  assert.equal(after1.received, before0.received + 1, 'one more request received');
  assert.equal(after1.closed, before0.closed + 1, 'and one more closed');
  assert.ok(after1.satisfactionRate !== null && after1.satisfactionRate > 0);

  const dash = await open('supervisor', '/desk/dashboard');
  await step(dash, 'dashboard', async () => {
    const kpis = dash.getByRole('list', { name: '主要指标' });
    await kpis.waitFor({ timeout: 30_000 });
    const received = kpis.getByRole('listitem').filter({ hasText: '受理量' });
    await received.getByText(after1.received.toLocaleString('en-US'), { exact: true }).waitFor({ timeout: 20_000 });
    await settle(dash);
    await shot(dash, 'requests-5-dashboard');
  });
});
