// 12345 reports over real HTTP: a small known set of requests filed and handled through the API, then
// the exact figures, who may see which scope, bad parameters, and the daily report as Excel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let t: TestContext;
const ids: Record<string, string> = {};

/** 10:00 China time on a March 2026 day. */
const at = (day: string) => `2026-03-${day}T02:00:00Z`;

async function file(key: string, day: string, payload: Record<string, unknown>) {
  t.clock.set(at(day));
  const res = await t.call(null, { method: 'POST', url: '/api/requests', payload });
  assert.equal(res.status, 201, res.body);
  assert.equal(res.json.urgent, false, `${key} must not be urgent`);
  ids[key] = res.json.id;
}

async function act(username: string, key: string, payload: Record<string, unknown>) {
  const res = await t.call(await t.login(username), { method: 'POST', url: `/api/requests/${ids[key]}/actions`, payload });
  assert.equal(res.status, 200, `${key} ${JSON.stringify(payload)}: ${res.body}`);
}

/** Signed, answered with `result`, approved and rated by the hotline. */
async function handle(dept: string, key: string, result: string, satisfaction: string) {
  await act(`handler-${dept}`, key, { action: 'sign' });
  await act(`handler-${dept}`, key, { action: 'reply', result, comment: '已到现场处理并答复' });
  await act('operator', key, { action: 'approve_reply' });
  await act('operator', key, { action: 'callback', satisfaction });
}

const dispatch = (key: string, departmentId: string, category: string) => act('operator', key, { action: 'dispatch', departmentId, category, type: '投诉' });

before(async () => {
  t = await createTestContext({ now: at('04') });
  // The week before (03-03 … 03-09).
  await file('L1', '04', { text: '西湖新村楼下烧烤摊油烟很大', phone: '13900000001' });
  await file('L2', '04', { text: '柳岸小区夜里装修噪音吵得睡不着', phone: '13900000002' });
  await file('L3', '05', { text: '柳岸小区装修噪音扰民', phone: '13900000003' });
  await dispatch('L1', 'sthj', '环境保护');
  await dispatch('L2', 'cgj', '城乡建设');
  await dispatch('L3', 'cgj', '城乡建设');

  // The reported week (03-10 … 03-16).
  await file('R1', '10', { text: '春晖社区门口烧烤摊每天晚上油烟熏人', phone: '13900001234', contactName: '张三' });
  await dispatch('R1', 'sthj', '环境保护');
  await handle('sthj', 'R1', 'resolved', 'satisfied');
  await file('R2', '10', { text: '春晖社区的烧烤摊油烟直排到居民楼', phone: '13900002222', contactName: '李四', anonymous: true });
  await dispatch('R2', 'sthj', '环境保护');
  await handle('sthj', 'R2', 'explained', 'basically_satisfied');
  await file('R3', '11', { text: '湖滨社区路边烧烤摊占道经营，油烟很大', phone: '13900003333' });
  await dispatch('R3', 'cgj', '城乡建设');
  await act('handler-cgj', 'R3', { action: 'return', comment: '油烟归生态环境部门' });
  await dispatch('R3', 'sthj', '环境保护');
  await handle('sthj', 'R3', 'unsolvable', 'unsatisfied'); // 重办: open again
  await file('R4', '12', { text: '东城花园烧烤摊半夜还在营业很吵', phone: '13900004444', contactName: '王五', confidential: true });
  await dispatch('R4', 'cgj', '城乡建设'); // never signed
  await file('R5', '12', { text: '西湖新村有一处井盖缺失很危险', phone: '13900005555' });
  await dispatch('R5', 'cgj', '城乡建设');
  await file('R6', '13', { text: '南山村道路旁的路灯不亮', phone: '13900006666' }); // never dispatched
  t.clock.set(at('31'));
  await handle('cgj', 'R5', 'resolved', 'satisfied'); // closed, late
  t.clock.set('2026-04-01T02:00:00Z');
});
after(async () => { await t.close(); });

const stats = async (username: string | null, query: string) => t.call(username ? await t.login(username) : null, { method: 'GET', url: `/api/requests/stats?${query}` });

test('the centre sees the exact figures of the week: on-time, resolution, satisfaction, returns, overdue', async () => {
  const res = await stats('operator', 'from=2026-03-10&to=2026-03-16');
  assert.equal(res.status, 200, res.body);
  assert.deepEqual(res.json.totals, {
    received: 6, closed: 3, onTimeRate: 2 / 3, resolutionRate: 2 / 3, satisfactionRate: 3 / 4, returns: 1, overdue: 3, urgent: 0, supervised: 0, reopened: 1,
  });
  const days = res.json.series.map((s: { bucket: string; received: number }) => [s.bucket, s.received]);
  assert.deepEqual(days, [['2026-03-10', 2], ['2026-03-11', 1], ['2026-03-12', 2], ['2026-03-13', 1], ['2026-03-14', 0], ['2026-03-15', 0], ['2026-03-16', 0]]);
  const empty = res.json.series.find((s: { bucket: string }) => s.bucket === '2026-03-14');
  assert.equal(empty.onTimeRate, null, 'no denominator: null, not NaN');
  assert.equal(res.json.series.find((s: { bucket: string }) => s.bucket === '2026-03-11').returns, 1);
});

test('the department league table: received, closed, on-time, satisfaction, overdue, returns by who returned', async () => {
  const { byDepartment } = (await stats('supervisor', 'from=2026-03-10&to=2026-03-16')).json;
  const row = (id: string | null) => byDepartment.find((d: { departmentId: string | null }) => d.departmentId === id);
  assert.deepEqual(
    { ...row('sthj') },
    { departmentId: 'sthj', departmentName: row('sthj').departmentName, received: 3, closed: 2, onTimeRate: 1, resolutionRate: 0.5, satisfactionRate: 2 / 3, overdue: 1, urgent: 0, returns: 0 },
  );
  assert.equal(row('cgj').received, 2);
  assert.equal(row('cgj').onTimeRate, 0);
  assert.equal(row('cgj').satisfactionRate, 1);
  assert.equal(row('cgj').overdue, 1);
  assert.equal(row('cgj').returns, 1, 'the return counts against the department that made it');
  assert.equal(row(null).departmentName, '未派单');
  assert.equal(row(null).received, 1);
  const cats = (await stats('supervisor', 'from=2026-03-10&to=2026-03-16')).json.byCategory;
  assert.equal(cats.find((c: { category: string }) => c.category === '环境保护').received, 3);
});

test('hotspots by street and community', async () => {
  const { hotspots } = (await stats('operator', 'from=2026-03-10&to=2026-03-16')).json;
  const streets = Object.fromEntries(hotspots.streets.map((s: { streetId: string; received: number }) => [s.streetId, s.received]));
  assert.deepEqual(streets, { dcjd: 3, xhjd: 2, nsz: 1 });
  assert.equal(hotspots.streets[0].streetName, '东城街道');
  const communities = Object.fromEntries(hotspots.communities.map((c: { community: string; received: number }) => [c.community, c.received]));
  assert.deepEqual(communities, { 春晖社区: 2, 东城花园: 1, 湖滨社区: 1, 西湖新村: 1, 南山村: 1 });
  assert.equal(hotspots.communities[0].community, '春晖社区');
});

test('hot topics: categories and keywords rising this week against the week before, place names left out', async () => {
  const { hotTopics } = (await stats('operator', 'from=2026-03-10&to=2026-03-16')).json;
  assert.deepEqual(hotTopics.thisWeek, { from: '2026-03-10', to: '2026-03-16' });
  assert.deepEqual(hotTopics.lastWeek, { from: '2026-03-03', to: '2026-03-09' });
  assert.deepEqual(hotTopics.categories[0], { category: '环境保护', thisWeek: 3, lastWeek: 1, growth: 2 });
  assert.ok(hotTopics.categories.every((c: { thisWeek: number; lastWeek: number }) => c.thisWeek > c.lastWeek));
  const bbq = hotTopics.keywords.find((k: { keyword: string }) => k.keyword === '烧烤');
  assert.deepEqual(bbq, { keyword: '烧烤', thisWeek: 4, lastWeek: 1, growth: 3 });
  const words = hotTopics.keywords.map((k: { keyword: string }) => k.keyword);
  assert.ok(!words.includes('噪音'), 'falling words are not hot');
  for (const place of ['春晖', '社区', '湖滨', '东城', '花园']) assert.ok(!words.includes(place), `${place} is a place`);
});

test('a department handler sees only their own department; asking for another is refused', async () => {
  const own = await stats('handler-cgj', 'from=2026-03-10&to=2026-03-16');
  assert.equal(own.status, 200, own.body);
  assert.equal(own.json.departmentId, 'cgj');
  assert.equal(own.json.totals.received, 2);
  assert.equal(own.json.totals.returns, 1);
  assert.deepEqual(own.json.byDepartment.map((d: { departmentId: string }) => d.departmentId), ['cgj']);
  assert.equal((await stats('handler-cgj', 'from=2026-03-10&to=2026-03-16&departmentId=cgj')).status, 200);
  const other = await stats('handler-cgj', 'departmentId=sthj');
  assert.equal(other.status, 403);
  assert.match(other.json.message, /本部门/);
  const centre = (await stats('operator', 'from=2026-03-10&to=2026-03-16&departmentId=sthj')).json;
  assert.equal(centre.totals.received, 3);
  assert.equal(centre.totals.returns, 0, 'sthj made no returns');
  for (const who of ['citizen', 'enterprise', 'clerk']) assert.equal((await stats(who, '')).status, 403, who);
  assert.equal((await stats(null, '')).status, 401);
});

test('weeks and months: buckets start on Monday and on the 1st', async () => {
  const week = (await stats('operator', 'from=2026-03-10&to=2026-03-16&granularity=week')).json.series;
  assert.deepEqual(week.map((s: { bucket: string; received: number }) => [s.bucket, s.received]), [['2026-03-09', 6], ['2026-03-16', 0]]);
  const month = (await stats('operator', 'from=2026-02-20&to=2026-03-31&granularity=month')).json.series;
  assert.deepEqual(month.map((s: { bucket: string; received: number }) => [s.bucket, s.received]), [['2026-02-01', 0], ['2026-03-01', 9]]);
});

test('bad parameters are answered 400 in Chinese', async () => {
  for (const q of ['from=2026-03-20&to=2026-03-10', 'from=2025-01-01&to=2026-03-01', 'from=2026-02-30', 'to=tomorrow', 'granularity=year', 'departmentId=nowhere', 'departmentId=A1']) {
    const res = await stats('operator', q);
    assert.equal(res.status, 400, `${q}: ${res.body}`);
    assert.match(res.json.message, /[\u4e00-\u9fa5]/, q);
  }
  assert.equal((await stats('operator', 'from=2025-03-17&to=2026-03-17')).status, 200, '366 days are allowed');
});

async function workbook(username: string, query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/requests/stats/daily.xlsx?${query}`, headers: { authorization: `Bearer ${await t.login(username)}` } });
  const wb = new ExcelJS.Workbook();
  if (res.statusCode === 200) await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { res, wb };
}

const rowsOf = (ws: ExcelJS.Worksheet) => ws.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));

test('the daily report is an Excel workbook: summary, by department, by category, the day\'s list without personal data', async () => {
  const { res, wb } = await workbook('operator', 'date=2026-03-10');
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="12345-daily-report-2026-03-10\.xlsx"; filename\*=UTF-8''/);
  assert.ok(String(res.headers['content-disposition']).includes(encodeURIComponent('12345诉求日报-2026-03-10.xlsx')));
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['汇总', '按部门', '按分类', '当日诉求清单']);

  const summary = rowsOf(wb.getWorksheet('汇总')!);
  assert.deepEqual(summary[0], ['指标', '当日（2026-03-10）', '本月累计（2026-03-01 至 2026-03-10）']);
  assert.deepEqual(summary[1], ['受理量（件）', 2, 5]);
  assert.deepEqual(summary[2], ['其中已办结（件）', 2, 2]);
  assert.deepEqual(summary[3], ['按时办结率', 1, 1]);
  assert.equal(wb.getWorksheet('汇总')!.getRow(1).font?.bold, true);
  assert.equal(wb.getWorksheet('汇总')!.views[0]?.state, 'frozen');

  const depts = rowsOf(wb.getWorksheet('按部门')!);
  assert.equal(depts[0]![0], '承办部门');
  const sthj = depts.find((r) => r[0] === '区生态环境分局');
  assert.deepEqual(sthj?.slice(0, 5), ['区生态环境分局', 2, 2, 3, 2]);

  const list = rowsOf(wb.getWorksheet('当日诉求清单')!);
  assert.equal(list.length, 3, 'header and the two requests of the day');
  const text = JSON.stringify(list);
  assert.ok(text.includes('139****1234') && text.includes('张*'), 'phone and name masked');
  assert.ok(!text.includes('13900001234') && !text.includes('李') && !text.includes('13900002222'), 'nothing of the anonymous filer');
  assert.ok(list[2]!.includes('匿名'));
  assert.ok(list[1]!.includes('按时办结'));
});

test('the daily report of a department: its own requests only, confidential filers unnamed', async () => {
  const { res, wb } = await workbook('handler-cgj', 'date=2026-03-12');
  assert.equal(res.statusCode, 200, res.body);
  const list = rowsOf(wb.getWorksheet('当日诉求清单')!);
  assert.equal(list.length, 3, 'R4 and R5, both sent to cgj');
  const text = JSON.stringify(list);
  assert.ok(text.includes('保密') && !text.includes('王') && !text.includes('4444'), 'confidential: no name, no phone');
  assert.ok(text.includes('已超期') && text.includes('超时办结'));
  assert.equal((await workbook('handler-cgj', 'date=2026-03-12&departmentId=sthj')).res.statusCode, 403);
  assert.equal((await workbook('citizen', 'date=2026-03-12')).res.statusCode, 403);
  assert.equal((await workbook('operator', 'date=2026-13-01')).res.statusCode, 400);
});
