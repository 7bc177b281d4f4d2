// Locator helpers that match what antd renders for Chinese labels.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext, settle, shot } from './browser.ts';
import { DEMO_PASSWORD } from './server.ts';


/**
 * antd puts a space between the two characters of a two-character CJK button label ("受理" → "受 理"),
 * so match names with optional whitespace between characters.
 */
export function cjk(label: string, exact = true): RegExp {
  const body = [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
  return new RegExp(exact ? `^\\s*${body}\\s*$` : body);
}

/** Logs in through the real login form. */
export async function loginViaForm(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: cjk('登录') }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
}

export type TrackedPage = Page & { jsErrors?: string[] };

/** A fresh browser context logged in as `username` through the login form, landing on `path`; page errors are kept. */
export async function openAs(browser: Browser, baseUrl: string, contexts: BrowserContext[], username: string, path: string): Promise<TrackedPage> {
  const context = await newContext(browser, { baseUrl });
  contexts.push(context);
  const page: TrackedPage = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.jsErrors = errors;
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await loginViaForm(page, username, DEMO_PASSWORD);
  await page.locator('#main').waitFor();
  return page;
}

/** Runs a step; on failure keeps a screenshot `name` and adds the page's errors (and the server's last output). */
export async function step<T>(page: TrackedPage, name: string, body: () => Promise<T>, serverOutput?: () => string): Promise<T> {
  try {
    return await body();
  } catch (e) {
    await shot(page, `FAILED-${name}`).catch(() => undefined);
    (e as Error).message += `\n--- page ${page.url()} errors ---\n${(page.jsErrors ?? []).join('\n') || '(none)'}`;
    if (serverOutput) (e as Error).message += `\n--- last server output ---\n${serverOutput().slice(-2000)}`;
    throw e;
  }
}

/** On the staff workbench (already open): finds a case by its number and opens it; `onFound` runs before the click (e.g. a screenshot). */
export async function openCaseOnWorkbench(page: Page, caseNo: string, itemName: string, onFound?: () => Promise<unknown>) {
  const search = page.getByLabel('办件编号 / 申请人');
  await search.fill(caseNo);
  await search.press('Enter');
  const link = page.getByRole('link', { name: caseNo, exact: true });
  await link.first().waitFor();
  await settle(page);
  await onFound?.();
  await link.first().click();
  await page.waitForURL(/\/workbench\/cases\//);
  await page.getByRole('heading', { name: itemName, level: 1 }).waitFor();
  await settle(page);
}

/** Clicks an action on the staff case page and confirms it in its dialog; `onDialog` runs while the dialog is open. */
export async function confirmCaseAction(page: Page, label: string, onDialog?: () => Promise<unknown>) {
  await page.getByRole('button', { name: cjk(label) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await onDialog?.();
  await dialog.getByRole('button', { name: cjk(`确认${label}`) }).click();
  await dialog.waitFor({ state: 'hidden' });
  await settle(page);
}
