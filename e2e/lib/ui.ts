// Locator helpers that match what antd renders for Chinese labels.
import type { Page } from 'playwright-core';


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
