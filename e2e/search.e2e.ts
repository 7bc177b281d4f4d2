// Smart search, the 智能客服 assistant and search analytics in Chromium, on a real server:
// typeahead on the home page, a colloquial search that leads to the right guide, the no-match page with
// 12345 and the assistant, a conversation with a follow-up (also in 长辈版), and the admin's 搜索分析
// (charts, 目录缺口 → 加入知识库) and 知识库 (create an entry that search uses at once, then delete it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, apiLogin, startServer, type RunningServer } from './lib/server.ts';
import { launchBrowser, loginContext, newContext, settle, shot } from './lib/browser.ts';
import { cjk } from './lib/ui.ts';

const NO_MATCH = '信用卡还款';
const ALIAS_TERM = '测试俗称甲乙丙';
const ALIAS_TARGET = 'SFQ-GA-002'; // 居民身份证换领、补领

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
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

type TrackedPage = Page & { jsErrors?: string[] };

async function open(opts: { elderly?: boolean; width?: number; login?: string } = {}): Promise<TrackedPage> {
  const context = await newContext(browser, { baseUrl: server.baseUrl, elderly: opts.elderly, width: opts.width });
  contexts.push(context);
  if (opts.login) await loginContext(context, server.baseUrl, opts.login);
  const page: TrackedPage = await context.newPage();
  lastPage = page;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && /module script|Failed to fetch dynamically|Warning:|Encountered two children/i.test(m.text()) && errors.push(m.text()));
  if (process.env.E2E_DEBUG === '1') {
    page.on('console', (m) => console.log(`[console ${m.type()}] ${m.text()}`));
    page.on('response', (r) => r.url().includes('/api/') && console.log(`[api] ${r.request().method()} ${r.url()} ${r.status()}`));
  }
  page.jsErrors = errors;
  return page;
}

/** Fails with what the page and the server printed, so a broken server shows up in the test output. */
function withServerLog<T>(name: string, p: Promise<T>): Promise<T> {
  return p.catch(async (e: Error) => {
    if (lastPage) {
      await shot(lastPage, `search-FAILED-${name}-${Date.now()}`).catch(() => undefined);
      e.message += `\n--- page ${lastPage.url()} errors ---\n${((lastPage as TrackedPage).jsErrors ?? []).join('\n') || '(none)'}`;
    }
    e.message += `\n--- last server output ---\n${server.output().slice(-2000)}`;
    throw e;
  });
}

const noErrors = (page: TrackedPage) => assert.deepEqual(page.jsErrors, [], 'no uncaught errors in the page');

test('home page typeahead: typing 社保 shows suggestions, keyboard picks one', () =>
  withServerLog(
    'typeahead',
    (async () => {
      const page = await open();
      await page.goto('/');
      await page.getByRole('heading', { name: '安澜市示范区一网通办', level: 1 }).waitFor();
      await settle(page);
      // Hot words come from the server and run a search.
      const hot = page.locator('.tb-hotwords a');
      await hot.first().waitFor();
      assert.ok((await hot.count()) > 0, 'hot words are shown under the search box');

      const box = page.getByLabel('搜索办事事项');
      await box.click();
      await box.pressSequentially('社保', { delay: 60 });
      const option = page.locator('.tb-suggest-popup .ant-select-item-option', { hasText: '社保' });
      await option.first().waitFor();
      assert.equal(await box.getAttribute('aria-expanded'), 'true', 'the combobox says its list is open');
      await shot(page, 'search-1-home-typeahead');

      // ↓ then Enter opens the first suggestion: a query runs the search, an item or bundle opens its page.
      await box.press('ArrowDown');
      await box.press('Enter');
      await page.waitForURL(/\/(search\?q=|items\/|bundles\/)/);
      await settle(page);
      const url = new URL(page.url());
      if (url.pathname === '/search') assert.match(decodeURIComponent(url.search), /社保/);
      noErrors(page);
    })(),
  ));

test('searching 身份证丢了 lists results; opening one shows the item guide and records the click', () =>
  withServerLog(
    'results',
    (async () => {
      const page = await open();
      await page.goto('/');
      await settle(page);
      const box = page.getByLabel('搜索办事事项');
      await box.fill('身份证丢了');
      await box.press('Enter');
      await page.waitForURL(/\/search\?q=/);
      assert.equal(new URL(page.url()).searchParams.get('q'), '身份证丢了', 'the query is in the URL');
      await page.getByRole('heading', { name: /与“身份证丢了”相关的服务/ }).waitFor();
      const links = page.locator('.tb-result-list h3 a');
      await links.first().waitFor();
      await settle(page);
      await shot(page, 'search-2-results');
      const first = ((await links.first().textContent()) ?? '').trim();
      assert.match(first, /身份证/, `the top result is about 身份证, got "${first}"`);
      // Results carry their badges and what matched.
      await page.locator('.tb-result-row').first().getByText(/承诺时限|即办/).first().waitFor();
      await page.locator('.tb-result-row').first().getByText('匹配：').waitFor();

      await links.first().click();
      await page.waitForURL(/\/items\/SFQ-/);
      await page.getByRole('heading', { name: first, level: 1 }).waitFor();
      await settle(page);
      await shot(page, 'search-3-guide-from-result');
      noErrors(page);

      // The click reached the search log.
      const admin = await apiLogin(server.baseUrl, 'admin');
      let clicks = 0;
      for (let i = 0; i < 20 && clicks < 1; i++) {
        clicks = (await apiCall<{ totals: { clicks: number } }>(server.baseUrl, admin, 'GET', '/api/admin/search/stats')).totals.clicks;
        if (clicks < 1) await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(clicks >= 1, 'opening a result is recorded as a click');
    })(),
  ));

test(`a no-match query (${NO_MATCH}) says so plainly, offers 12345, the catalogue and the assistant`, () =>
  withServerLog(
    'nomatch',
    (async () => {
      const page = await open();
      await page.goto(`/search?q=${encodeURIComponent(NO_MATCH)}`);
      await page.getByRole('heading', { name: `没有找到与“${NO_MATCH}”相关的办事事项` }).waitFor();
      await settle(page);
      await page.getByRole('link', { name: '12345' }).waitFor();
      assert.equal(await page.getByRole('link', { name: '12345' }).getAttribute('href'), 'tel:12345');
      await page.getByText('该事项不属于政务服务，请咨询相关机构', { exact: false }).waitFor();
      await page.getByRole('link', { name: cjk('浏览全部事项') }).first().waitFor();
      await shot(page, 'search-4-no-match');

      // 问智能客服 opens the chat with the query already asked.
      await page.getByRole('button', { name: /问智能客服/ }).click();
      const dialog = page.getByRole('dialog', { name: '智能客服' });
      await dialog.waitFor();
      await dialog.locator('.tb-assistant-msg.is-user', { hasText: NO_MATCH }).waitFor();
      await dialog.locator('.tb-assistant-msg.is-bot').nth(1).waitFor({ timeout: 20_000 });
      await settle(page);
      await shot(page, 'search-5-no-match-assistant');
      noErrors(page);
    })(),
  ));

async function ask(page: Page, text: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '智能客服' });
  const before = await dialog.locator('.tb-assistant-msg.is-bot').count();
  const input = dialog.getByLabel(/输入您的问题/);
  await input.fill(text);
  await input.press('Enter');
  await dialog.locator('.tb-assistant-msg.is-user', { hasText: text }).waitFor();
  await dialog.locator('.tb-assistant-msg.is-bot').nth(before).waitFor({ timeout: 20_000 });
}

test('the 智能客服 answers about 公积金, and the follow-up 要带什么材料 lists the materials', () =>
  withServerLog(
    'assistant',
    (async () => {
      const page = await open();
      await page.goto('/items');
      await settle(page);
      const launcher = page.getByRole('button', { name: '智能客服' });
      await launcher.click();
      const dialog = page.getByRole('dialog', { name: '智能客服' });
      await dialog.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'tb-assistant-input');

      await ask(page, '怎么提取公积金');
      // When several items fit about equally the assistant asks which one: pick the first.
      if (/哪一个/.test((await dialog.locator('.tb-assistant-msg.is-bot').last().textContent()) ?? '')) await ask(page, '第1个');
      const answer = dialog.locator('.tb-assistant-msg.is-bot').last();
      await answer.locator('a.tb-assistant-card', { hasText: '公积金' }).first().waitFor();
      await answer.getByRole('link', { name: /办事指南|在线申请/ }).first().waitFor();
      await settle(page);
      await shot(page, 'search-6-assistant-answer');

      await ask(page, '要带什么材料');
      const materials = dialog.locator('.tb-assistant-msg.is-bot').last();
      await materials.getByText(/材料/).first().waitFor();
      assert.ok((await materials.locator('li').count()) >= 1, 'the materials come as a list');
      await settle(page);
      await shot(page, 'search-7-assistant-materials');

      // Escape closes and gives focus back to the button; the conversation survives a reload.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.innerText?.includes('智能客服'));
      await page.reload();
      await settle(page);
      await page.getByRole('button', { name: '智能客服' }).click();
      await page.getByRole('dialog', { name: '智能客服' }).locator('.tb-assistant-msg.is-user', { hasText: '怎么提取公积金' }).waitFor();
      await page.getByRole('button', { name: '清空对话' }).click();
      assert.equal(await page.locator('.tb-assistant-msg.is-user').count(), 0, '清空对话 empties the conversation');
      noErrors(page as TrackedPage);

      // Not on staff and admin pages.
      const adminPage = await open({ login: 'admin' });
      await adminPage.goto('/admin/items');
      await settle(adminPage);
      assert.equal(await adminPage.getByRole('button', { name: '智能客服' }).count(), 0, 'no assistant button in the admin area');
    })(),
  ));

test('长辈版: the assistant is full screen with large text and ≥ 60 px targets', () =>
  withServerLog(
    'assistant-elderly',
    (async () => {
      const page = await open({ elderly: true, width: 375 });
      await page.goto('/');
      await settle(page);
      await page.getByRole('button', { name: '智能客服' }).click();
      const dialog = page.getByRole('dialog', { name: '智能客服' });
      await dialog.waitFor();
      await ask(page, '社保卡丢了怎么办');
      await settle(page);
      await shot(page, 'search-8-assistant-elderly-375');
      const report = await page.evaluate(() => {
        const panel = document.getElementById('tb-assistant-panel')!;
        const r = panel.getBoundingClientRect();
        const small: string[] = [];
        for (const el of panel.querySelectorAll<HTMLElement>('a[href], button, textarea')) {
          const b = el.getBoundingClientRect();
          if (b.width && b.height && (b.width < 59.5 || b.height < 59.5)) small.push(`${el.tagName} "${el.innerText.trim().slice(0, 20)}" ${Math.round(b.width)}×${Math.round(b.height)}`);
        }
        const tiny: string[] = [];
        for (const el of panel.querySelectorAll<HTMLElement>('p, li, span, a, button')) {
          if (!el.innerText?.trim() || el.closest('.tb-sr-only')) continue;
          const fs = parseFloat(getComputedStyle(el).fontSize);
          if (fs < 18) tiny.push(`${el.tagName} "${el.innerText.trim().slice(0, 20)}" ${fs}px`);
        }
        return { full: r.width >= window.innerWidth - 1 && r.height >= window.innerHeight - 1, small, tiny, modal: panel.getAttribute('aria-modal') };
      });
      assert.ok(report.full, '长辈版: the chat covers the screen');
      assert.equal(report.modal, 'true', 'full screen: aria-modal');
      assert.deepEqual(report.small, [], `targets smaller than 60×60:\n  ${report.small.join('\n  ')}`);
      assert.deepEqual(report.tiny, [], `text smaller than 18 px:\n  ${report.tiny.join('\n  ')}`);
      noErrors(page);
    })(),
  ));

test('admin: 搜索分析 shows KPIs and charts, 目录缺口 offers 加入知识库; 知识库 creates an entry search uses at once', () =>
  withServerLog(
    'admin',
    (async () => {
      // The no-match query appears often enough to count as a catalogue gap.
      for (let i = 0; i < 2; i++) await apiCall(server.baseUrl, null, 'GET', `/api/search?q=${encodeURIComponent(NO_MATCH)}`);

      const page = await open({ login: 'admin' });
      await page.goto('/admin/search');
      await page.getByRole('heading', { name: '搜索分析', level: 1 }).waitFor();
      await page.getByText('搜索次数').first().waitFor();
      await page.locator('[role="img"] canvas').first().waitFor();
      assert.ok((await page.locator('[role="img"] canvas').count()) >= 2, 'the trend and the hot-query charts are drawn');
      await page.getByRole('cell', { name: NO_MATCH }).first().waitFor();
      await settle(page);
      await shot(page, 'search-9-admin-analytics');

      await page.getByRole('tab', { name: '目录缺口' }).click();
      await page.waitForURL(/tab=gaps/);
      const row = page.getByRole('tabpanel', { name: '目录缺口' }).locator('tr', { hasText: NO_MATCH }).first();
      await row.waitFor();
      await row.getByText('仍无结果').waitFor();
      await settle(page);
      await shot(page, 'search-10-admin-gaps');
      await row.getByRole('button', { name: /加入知识库/ }).click();
      const modal = page.getByRole('dialog', { name: '新增知识库词条' });
      await modal.waitFor();
      assert.equal(await modal.getByLabel(/词条/).inputValue(), NO_MATCH, 'the form starts with the query as the term');
      await modal.getByText('俗称/别名').first().waitFor();
      await shot(page, 'search-11-admin-gap-to-knowledge');
      await modal.getByRole('button', { name: cjk('取消') }).click();
      await modal.waitFor({ state: 'hidden' });

      // 新建事项 from the gap: the new-item form starts with the query as the name.
      await row.getByRole('link', { name: /新建事项/ }).click();
      await page.waitForURL(/\/admin\/items\/new\?name=/);
      await page.getByRole('heading', { name: '新建事项', level: 1 }).waitFor();
      assert.equal(await page.getByLabel('事项名称').inputValue(), NO_MATCH, 'the new item starts with the query as its name');
      await settle(page);
      await shot(page, 'search-11b-admin-new-item');

      // 知识库: create an alias pointing at 居民身份证换领、补领.
      await page.getByRole('navigation', { name: '管理功能' }).getByText('知识库').click();
      await page.waitForURL(/\/admin\/knowledge/);
      await page.getByRole('heading', { name: '知识库', level: 1 }).waitFor();
      await settle(page);
      await shot(page, 'search-12-admin-knowledge');
      await page.getByRole('button', { name: /新增词条/ }).click();
      const form = page.getByRole('dialog', { name: '新增知识库词条' });
      await form.waitFor();
      // Saving without a target is refused on the field.
      await form.getByLabel(/词条/).fill(ALIAS_TERM);
      await form.getByRole('button', { name: cjk('加入知识库') }).click();
      await form.getByText('请至少选择一个事项或一件事').waitFor();
      const targets = form.getByLabel('指向的事项或一件事');
      await targets.click();
      await targets.pressSequentially('居民身份证换领', { delay: 30 });
      await page.locator('.ant-select-item-option', { hasText: ALIAS_TARGET }).first().click();
      await form.getByLabel('备注').fill('e2e 测试');
      await shot(page, 'search-13-admin-knowledge-form');
      await form.getByRole('button', { name: cjk('加入知识库') }).click();
      await form.waitFor({ state: 'hidden' });

      await page.getByLabel('词条或扩展词').fill(ALIAS_TERM);
      await page.getByLabel('词条或扩展词').press('Enter');
      const entry = page.locator('tr', { hasText: ALIAS_TERM }).first();
      await entry.waitFor();
      await entry.getByText('居民身份证换领、补领').waitFor();
      await settle(page);
      await shot(page, 'search-14-admin-knowledge-created');

      // The engine uses the new entry at once.
      const found = await apiCall<{ results: { code: string }[] }>(server.baseUrl, null, 'GET', `/api/search?q=${encodeURIComponent(ALIAS_TERM)}`);
      assert.equal(found.results[0]?.code, ALIAS_TARGET, 'search finds the alias target first');

      // Delete it again, with the confirm.
      await entry.getByRole('button', { name: /删除/ }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: cjk('删除') }).click();
      await page.locator('tr', { hasText: ALIAS_TERM }).waitFor({ state: 'detached' });
      noErrors(page);
    })(),
  ));
