// Accessibility of every page, in normal mode and in 长辈版 (elderly mode), with axe-core (WCAG 2.0/2.1 A+AA):
// no serious or critical violations. Plus the large-print rules of 长辈版 measured on the home page, and the
// home page at phone width (375 px) in both modes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiCall, apiLogin, apiUpload, startServer, type RunningServer } from './lib/server.ts';
import { checkA11y, formatViolations, launchBrowser, loginContext, newContext, settle, shot, tinyPdf } from './lib/browser.ts';

type Role = 'anonymous' | 'citizen' | 'clerk' | 'admin' | 'operator' | 'handler-dcjd' | 'reviewer-ga' | 'verifier';
type Mode = 'normal' | 'elderly';

interface PageSpec {
  name: string;
  role: Role;
  path: () => string;
}

const ITEM_CODE = 'SFQ-GA-004';

let server: RunningServer;
let browser: Browser;
const contexts = new Map<string, BrowserContext>();
/** Filled in before(): a submitted case (the clerk can accept it) and an accepted one (with a timeline). */
const fixture = { submittedId: '', acceptedId: '', bundleCode: '', requestId: '', myRequestId: '', sharedCaseId: '', licenceId: '', presentationCode: '' };

const PAGES: PageSpec[] = [
  { name: 'home', role: 'anonymous', path: () => '/' },
  { name: 'items', role: 'anonymous', path: () => '/items' },
  { name: 'item-guide', role: 'anonymous', path: () => `/items/${ITEM_CODE}` },
  { name: 'bundles', role: 'anonymous', path: () => '/bundles' },
  { name: 'bundle-detail', role: 'anonymous', path: () => `/bundles/${encodeURIComponent(fixture.bundleCode)}` },
  { name: 'search-results', role: 'anonymous', path: () => `/search?q=${encodeURIComponent('身份证丢了')}` },
  { name: 'search-no-match', role: 'anonymous', path: () => `/search?q=${encodeURIComponent('信用卡还款')}` },
  { name: 'login', role: 'anonymous', path: () => '/login' },
  { name: 'register', role: 'anonymous', path: () => '/register' },
  { name: 'account', role: 'citizen', path: () => '/account' },
  { name: 'apply', role: 'citizen', path: () => `/apply/${ITEM_CODE}` },
  { name: 'my-cases', role: 'citizen', path: () => '/my/cases' },
  { name: 'my-case-detail', role: 'citizen', path: () => `/my/cases/${fixture.acceptedId}` },
  { name: 'inbox', role: 'citizen', path: () => '/inbox' },
  { name: 'new-request', role: 'anonymous', path: () => '/requests/new' },
  { name: 'new-request-citizen', role: 'citizen', path: () => '/requests/new' },
  { name: 'my-requests', role: 'citizen', path: () => '/my/requests' },
  { name: 'my-request-detail', role: 'citizen', path: () => `/my/requests/${fixture.myRequestId}` },
  { name: 'workbench', role: 'clerk', path: () => '/workbench' },
  { name: 'workbench-case', role: 'clerk', path: () => `/workbench/cases/${fixture.submittedId}` },
  { name: 'desk-requests', role: 'operator', path: () => '/desk/requests' },
  { name: 'desk-new-request', role: 'operator', path: () => '/desk/requests/new' },
  { name: 'desk-request', role: 'operator', path: () => `/desk/requests/${fixture.requestId}` },
  { name: 'desk-requests-handler', role: 'handler-dcjd', path: () => '/desk/requests' },
  { name: 'desk-request-handler', role: 'handler-dcjd', path: () => `/desk/requests/${fixture.requestId}` },
  { name: 'admin-items', role: 'admin', path: () => '/admin/items' },
  { name: 'admin-item-editor', role: 'admin', path: () => `/admin/items/${ITEM_CODE}` },
  { name: 'admin-calendar', role: 'admin', path: () => '/admin/calendar' },
  { name: 'admin-users', role: 'admin', path: () => '/admin/users' },
  { name: 'admin-audit', role: 'admin', path: () => '/admin/audit' },
  { name: 'admin-search', role: 'admin', path: () => '/admin/search' },
  { name: 'admin-search-gaps', role: 'admin', path: () => '/admin/search?tab=gaps' },
  { name: 'admin-knowledge', role: 'admin', path: () => '/admin/knowledge' },
  { name: 'admin-new-item', role: 'admin', path: () => '/admin/items/new?name=%E6%96%B0%E4%BA%8B%E9%A1%B9' },
  { name: 'my-case-shared', role: 'citizen', path: () => `/my/cases/${fixture.sharedCaseId}` },
  { name: 'workbench-case-shared', role: 'clerk', path: () => `/workbench/cases/${fixture.sharedCaseId}` },
  { name: 'my-data-use', role: 'citizen', path: () => '/my/data-use' },
  { name: 'staff-licences', role: 'reviewer-ga', path: () => '/licences' },
  { name: 'staff-licence', role: 'reviewer-ga', path: () => `/licences/${fixture.licenceId}` },
  { name: 'admin-licences', role: 'admin', path: () => '/admin/licences' },
  { name: 'wallet', role: 'citizen', path: () => '/wallet' },
  { name: 'wallet-licence', role: 'citizen', path: () => `/wallet/${fixture.licenceId}` },
  { name: 'verify', role: 'anonymous', path: () => '/verify' },
  { name: 'verify-presentation', role: 'verifier', path: () => `/verify?p=${fixture.presentationCode}` },
];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const base = server.baseUrl;

  const citizen = await apiLogin(base, 'citizen');
  const clerk = await apiLogin(base, 'clerk');
  const make = async () => {
    const fileId = await apiUpload(base, citizen, '出生医学证明.pdf', tinyPdf('a11y'));
    return apiCall<{ id: string }>(base, citizen, 'POST', '/api/applications', { itemCode: ITEM_CODE, formData: { address: '安澜市示范区和平路 1 号', remark: '无障碍测试' }, materials: [{ name: '出生医学证明', fileId }] });
  };
  fixture.submittedId = (await make()).id;
  const accepted = await make();
  await apiCall(base, clerk, 'POST', `/api/applications/${accepted.id}/actions`, { action: 'accept', comment: '材料齐全，予以受理' });
  fixture.acceptedId = accepted.id;
  const { bundles } = await apiCall<{ bundles: { code: string; itemCodes: string[] }[] }>(base, null, 'GET', '/api/bundles');
  fixture.bundleCode = (bundles.find((b) => b.itemCodes.includes(ITEM_CODE)) ?? bundles[0])!.code;
  // A 12345 call dispatched to 东城街道: the desk's queue and request page for the hotline and the department.
  const operator = await apiLogin(base, 'operator');
  const call = await apiCall<{ id: string }>(base, operator, 'POST', '/api/requests', { text: '春晖社区门口的路灯坏了好几天，晚上出行不方便', contactName: '王先生', phone: '13800138000', address: '春晖社区', channel: 'phone' });
  await apiCall(base, operator, 'POST', `/api/requests/${call.id}/actions`, { action: 'dispatch', departmentId: 'dcjd' });
  fixture.requestId = call.id;
  // The citizen's own request, answered by 东城街道: 我的诉求 and its detail with the rating card.
  const handler = await apiLogin(base, 'handler-dcjd');
  const mine = await apiCall<{ id: string }>(base, citizen, 'POST', '/api/requests', { text: '望江社区 3 栋楼道的灯坏了，晚上上下楼看不见', address: '望江社区 3 栋', phone: '13800138000' });
  await apiCall(base, operator, 'POST', `/api/requests/${mine.id}/actions`, { action: 'dispatch', departmentId: 'dcjd' });
  await apiCall(base, handler, 'POST', `/api/requests/${mine.id}/actions`, { action: 'sign' });
  await apiCall(base, handler, 'POST', `/api/requests/${mine.id}/actions`, { action: 'reply', result: 'resolved', comment: '已安排物业更换楼道灯。' });
  await apiCall(base, operator, 'POST', `/api/requests/${mine.id}/actions`, { action: 'approve_reply' });
  fixture.myRequestId = mine.id;
  // 免提交: a case whose 出生医学证明 was taken from the e-licence library (the case pages show the copy; the use log has rows).
  const purpose = '申请办理“出生登记”';
  const found = await apiCall<{ records: { kind: string; ref: string }[] }>(base, citizen, 'GET', `/api/shared-data/birth_medical?purpose=${encodeURIComponent(purpose)}&itemCode=${ITEM_CODE}`);
  const rec = found.records[0]!;
  const shared = await apiCall<{ id: string }>(base, citizen, 'POST', '/api/applications', {
    itemCode: ITEM_CODE, formData: { remark: '免提交无障碍测试' }, materials: [],
    sharedMaterials: [{ name: '出生医学证明', source: 'birth_medical', kind: rec.kind, ref: rec.ref, purpose, consent: true }],
  });
  fixture.sharedCaseId = shared.id;
  await apiCall(base, clerk, 'GET', `/api/applications/${shared.id}`);
  // A licence 公安局 issued to the demo citizen: the staff licence page.
  const { items: licences } = await apiCall<{ items: { id: string; departmentId: string }[] }>(base, citizen, 'GET', '/api/licences');
  fixture.licenceId = (licences.find((l) => l.departmentId === 'ga') ?? licences[0])!.id;
  // 亮证: a code the verifier opens (valid for the whole run, so both modes can open it).
  fixture.presentationCode = (await apiCall<{ code: string }>(base, citizen, 'POST', `/api/licences/${fixture.licenceId}/presentations`, { ttlSeconds: 3600 })).code;
});

after(async () => {
  for (const c of contexts.values()) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server?.stop();
});

async function contextFor(role: Role, mode: Mode, width = 1280): Promise<BrowserContext> {
  const key = `${role}/${mode}/${width}`;
  let c = contexts.get(key);
  if (!c) {
    c = await newContext(browser, { baseUrl: server.baseUrl, width, elderly: mode === 'elderly' });
    if (role !== 'anonymous') await loginContext(c, server.baseUrl, role);
    contexts.set(key, c);
  }
  return c;
}

/** Opens a page as the role, in the mode, and waits until it has rendered its real content. */
async function openPage(role: Role, mode: Mode, path: string, width = 1280): Promise<Page> {
  const page = await (await contextFor(role, mode, width)).newPage();
  await page.goto(path);
  await page.locator('#main').waitFor();
  await settle(page);
  const url = new URL(page.url());
  assert.ok(!url.pathname.startsWith('/login') || path.startsWith('/login'), `${path} as ${role} was redirected to ${url.pathname}${url.search}`);
  assert.equal(await page.getByRole('heading', { name: '无权访问' }).count(), 0, `${path} as ${role} shows 无权访问`);
  const elderlyOn = await page.evaluate(() => document.documentElement.classList.contains('elderly'));
  assert.equal(elderlyOn, mode === 'elderly', `${path}: 长辈版 is ${elderlyOn ? 'on' : 'off'}, expected ${mode}`);
  return page;
}

for (const mode of ['normal', 'elderly'] as const) {
  describe(`axe (WCAG 2.1 AA) at 1280 px, ${mode === 'elderly' ? '长辈版' : 'normal mode'}`, () => {
    for (const spec of PAGES) {
      test(`${spec.name} (${spec.role}) has no serious or critical violations`, async () => {
        const path = spec.path();
        const page = await openPage(spec.role, mode, path);
        try {
          await shot(page, `a11y-${mode}-1280-${spec.name}`);
          const violations = await checkA11y(page, `${spec.name}/${mode}`);
          assert.deepEqual(
            violations.map((v) => v.id),
            [],
            formatViolations(`${path} (${spec.name}, ${spec.role}, ${mode}, 1280 px)`, violations),
          );
        } finally {
          await page.close();
        }
      });
    }
  });
}

describe('home page at 375 px (phone)', () => {
  for (const mode of ['normal', 'elderly'] as const) {
    test(`home, ${mode}: screenshot and no serious or critical violations`, async () => {
      const page = await openPage('anonymous', mode, '/', 375);
      try {
        await shot(page, `a11y-${mode}-375-home`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        const violations = await checkA11y(page, `home/${mode}/375`);
        assert.deepEqual(violations.map((v) => v.id), [], formatViolations(`/ (home, ${mode}, 375 px)`, violations));
        assert.ok(overflow <= 1, `home (${mode}, 375 px) scrolls sideways by ${overflow} px`);
      } finally {
        await page.close();
      }
    });
  }
});

interface ElderlyReport {
  body: { fontSize: number; lineHeight: string };
  smallText: string[];
  tightLines: string[];
  smallTargets: string[];
  checked: { paragraphs: number; targets: number };
}

/**
 * Measures the 长辈版 rules in the page: text ≥ 18 px, line-height ≥ 1.3 × font-size, targets ≥ 60 × 60 px.
 * Plain JavaScript source on purpose: tsx would wrap inner helpers of a TS function in a __name() the page lacks.
 */
const MEASURE_ELDERLY = String.raw`(() => {
  const describe = (el) => {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).slice(0, 3).join('.') : '';
    const text = (el.innerText || el.getAttribute('aria-label') || el.placeholder || '').replace(/\s+/g, ' ').trim().slice(0, 30);
    return el.tagName.toLowerCase() + id + cls + ' "' + text + '"';
  };
  const visible = (el) => {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false; // visually hidden (screen-reader-only) text
    if (r.bottom + window.scrollY <= 0 || r.right + window.scrollX <= 0) return false; // parked off-page, like the skip link
    return true;
  };
  const lineHeightOk = (cs) => {
    const fs = parseFloat(cs.fontSize);
    const lh = cs.lineHeight === 'normal' ? 1.2 * fs : parseFloat(cs.lineHeight);
    return lh >= 1.3 * fs - 0.01;
  };
  const bodyCs = getComputedStyle(document.body);
  let paragraphs = 0;
  let checkedTargets = 0;
  const smallText = [];
  const tightLines = [];
  for (const el of [document.body, ...document.querySelectorAll('p')]) {
    if (el !== document.body && (!visible(el) || !el.innerText.trim())) continue;
    if (el !== document.body) paragraphs++;
    const cs = getComputedStyle(el);
    const where = el === document.body ? 'body' : describe(el);
    if (parseFloat(cs.fontSize) < 18) smallText.push(where + ': font-size ' + cs.fontSize);
    if (!lineHeightOk(cs)) tightLines.push(where + ': line-height ' + cs.lineHeight + ' at font-size ' + cs.fontSize);
  }
  const smallTargets = [];
  const targets = document.querySelectorAll('a[href], button, [role="button"], [role="link"], input:not([type="hidden"]), select, textarea');
  for (const el of targets) {
    // A text field's target is the whole visible field box antd draws around the bare <input>.
    const box = (el.tagName === 'INPUT' && el.closest('.ant-input-affix-wrapper, .ant-select, .ant-picker')) || el;
    if (!visible(box)) continue;
    checkedTargets++;
    const r = box.getBoundingClientRect();
    if (r.width < 59.5 || r.height < 59.5) smallTargets.push(describe(el) + ': ' + Math.round(r.width) + '×' + Math.round(r.height) + ' px');
  }
  return { body: { fontSize: parseFloat(bodyCs.fontSize), lineHeight: bodyCs.lineHeight }, smallText, tightLines, smallTargets: [...new Set(smallTargets)], checked: { paragraphs, targets: checkedTargets } };
})()`;

async function measureElderly(page: Page): Promise<ElderlyReport> {
  return (await page.evaluate(MEASURE_ELDERLY)) as ElderlyReport;
}

describe('长辈版 large-print rules on the home page', () => {
  for (const width of [1280, 375]) {
    test(`at ${width} px: text ≥ 18 px, line-height ≥ 1.3×, every visible button/link/input ≥ 60×60 px`, async () => {
      const page = await openPage('anonymous', 'elderly', '/', width);
      try {
        const r = await measureElderly(page);
        const problems = [
          ...r.smallText.map((s) => `text smaller than 18 px: ${s}`),
          ...r.tightLines.map((s) => `line-height below 1.3×: ${s}`),
          ...r.smallTargets.map((s) => `target smaller than 60×60: ${s}`),
        ];
        // Guard against measuring an empty page.
        assert.ok(r.checked.paragraphs >= 1 && r.checked.targets >= 5, `measured too little: ${JSON.stringify(r.checked)}`);
        assert.ok(r.body.fontSize >= 18, `body font-size is ${r.body.fontSize}px`);
        assert.deepEqual(problems, [], `长辈版 home at ${width} px: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
      } finally {
        await page.close();
      }
    });
  }
});
