import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEAL_SIZE, sealDrawing, sealSvg } from './seal.ts';

const paths = (svg: string) => [...svg.matchAll(/<path class="seal-(\w+)" d="([^"]+)"/g)].map((m) => ({ part: m[1]!, d: m[2]! }));
const points = (d: string) => {
  const nums = d.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
  return Array.from({ length: nums.length / 2 }, (_, i) => [nums[2 * i]!, nums[2 * i + 1]!] as const);
};

test('the seal SVG is a red ring, a star and outlined text: no <text>, no font needed', () => {
  const svg = sealSvg('示范区市场监督管理局', '电子证照专用章');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 200 200"[^>]*>/);
  assert.ok(svg.endsWith('</svg>'));
  assert.match(svg, /<circle cx="100" cy="100" r="\d+" fill="none" stroke="#d9001b"/);
  assert.doesNotMatch(svg, /<text|font-family|<script|<image|href=/i);
  assert.match(svg, /aria-label="示范区市场监督管理局 电子证照专用章"/);
  const parts = paths(svg);
  assert.deepEqual(parts.map((p) => p.part), ['star', 'name', 'bottom']);
  for (const p of parts) assert.match(p.d, /^[MLQCZ0-9 .-]+$/);
  // The star: ten corners, centred.
  assert.equal(points(parts[0]!.d).length, 10);
  // The name: one outline per character at least, all inside the ring.
  assert.ok(parts[1]!.d.split('M').length - 1 >= 10);
  for (const [x, y] of points(parts[1]!.d)) assert.ok(Math.hypot(x - 100, y - 100) < 92, `(${x}, ${y}) outside the ring`);
  // The name runs along the upper arc: its lowest point is well below the top but its centre of mass is above the middle.
  const ys = points(parts[1]!.d).map(([, y]) => y);
  assert.ok(ys.reduce((a, b) => a + b, 0) / ys.length < 100);
});

test('seals are the same for the same name, differ by name, and long names still fit', () => {
  assert.equal(sealSvg('示范区民政局'), sealSvg('示范区民政局'));
  assert.notEqual(sealSvg('示范区民政局'), sealSvg('示范区教育局'));
  assert.deepEqual(sealDrawing('示范区民政局').paths.map((p) => p.part), ['star', 'name']);
  const long = sealDrawing('安澜市住房公积金管理中心示范区管理部', '电子证照专用章');
  for (const p of long.paths) for (const [x, y] of points(p.d)) assert.ok(x >= 0 && x <= SEAL_SIZE && y >= 0 && y <= SEAL_SIZE);
  assert.match(sealSvg('A&B<"局">'), /aria-label="A&amp;B&lt;&quot;局&quot;&gt;"/);
});
