// npm run bench:search [-- --queries FILE --synthetic 20000 --rounds 5]
//
// Search quality and speed, in process:
// - the engine as the server builds it (demo catalogue + shipped knowledge base) over the query file
//   (default: the public dev set, bench/data/search-dev-queries.json): top1/top3/top5/MRR over answerable
//   queries, noMatchAccuracy over queries with empty `expected`, falseNoMatch over answerable ones;
// - baseline: plain jieba + BM25 over the same catalogue (one field of name, description, conditions,
//   materials and tags; no knowledge base, no pinyin, answers whenever any word matches), same queries;
// - gdAlias: the engine on 2,262 real Guangdong items (bench/data/gd, MIT) WITHOUT their shortName/dailyTerms
//   fields (the evaluation pairs come from those fields) and without any item aliases: only the catalogue
//   text and the general vocabulary, over the 888 colloquial → standard pairs;
// - synthetic: latency on a catalogue of --synthetic items made by varying the demo items.
// Latency: each query is searched --rounds times after one warm-up pass; p50/p99 over all timings.
// Progress on stderr; the last line of stdout is the JSON result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { SearchEngine } from '../server/modules/search/engine/engine.ts';
import { Bm25fIndex } from '../server/modules/search/engine/bm25.ts';
import type { KnowledgeEntry, SearchDoc } from '../server/modules/search/engine/types.ts';
import { catalogDocs } from '../server/modules/search/catalog-docs.ts';
import { loadKnowledgeFiles } from '../server/modules/search/knowledge-files.ts';
import { parseArgs } from './lib/args.ts';
import { machineNote, printResult, progress, round } from './lib/report.ts';
import { summarize } from './lib/stats.ts';

const ROOT = join(import.meta.dirname, '..');
const args = parseArgs({
  queries: { default: join(ROOT, 'bench/data/search-dev-queries.json'), help: 'query file: [{id, query, expected: [codes], kind}]' },
  synthetic: { default: 20_000, help: 'items in the synthetic catalogue for the latency run (0 to skip)' },
  rounds: { default: 5, help: 'timed searches per query' },
  gd: { default: true, help: 'also measure on the Guangdong catalogue' },
  verbose: { default: false, help: 'print every miss' },
});

interface Query { id: string; query: string; expected: string[]; kind: string }
type Searcher = (q: string) => { codes: string[]; noMatch: boolean };

function readJson<T>(p: string): T {
  return JSON.parse(readFileSync(p, 'utf8')) as T;
}

function quality(queries: Query[], search: Searcher, label: string) {
  let answerable = 0, top1 = 0, top3 = 0, top5 = 0, rr = 0, unanswerable = 0, noMatchRight = 0, falseNoMatch = 0;
  const byKind: Record<string, { n: number; top1: number }> = {};
  for (const q of queries) {
    const r = search(q.query);
    const k = (byKind[q.kind] ??= { n: 0, top1: 0 });
    k.n++;
    if (q.expected.length === 0) {
      unanswerable++;
      if (r.noMatch) { noMatchRight++; k.top1++; } else if (args.verbose) progress(`${label} answered ${q.id} ${q.query} → ${r.codes.slice(0, 2).join(',')}`);
      continue;
    }
    answerable++;
    if (r.noMatch) falseNoMatch++;
    const codes = r.noMatch ? [] : r.codes;
    const rank = codes.findIndex((c) => q.expected.includes(c));
    if (rank === 0) { top1++; k.top1++; }
    else if (args.verbose) progress(`${label} miss ${q.id} [${q.kind}] ${q.query} → ${codes.slice(0, 3).join(',') || 'noMatch'} (want ${q.expected[0]})`);
    if (rank >= 0 && rank < 3) top3++;
    if (rank >= 0 && rank < 5) top5++;
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const r3 = (n: number) => round(n, 3);
  return {
    top1: r3(top1 / answerable), top3: r3(top3 / answerable), top5: r3(top5 / answerable), mrr: r3(rr / answerable),
    noMatchAccuracy: unanswerable ? r3(noMatchRight / unanswerable) : null,
    falseNoMatch: r3(falseNoMatch / answerable),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, r3(v.top1 / v.n)])),
  };
}

/** Plain jieba + BM25: one text field, jieba's default dictionary, no normalisation beyond NFKC/case. */
function baseline(docs: SearchDoc[]): Searcher {
  const jieba = Jieba.withDict(dict);
  const words = (s: string) => jieba.cut(s.normalize('NFKC').toLowerCase(), false).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const index = new Bm25fIndex([{ weight: 1, b: 0.75 }], docs.map((d) => [words([d.name, d.description, d.conditions, d.materials.join(' '), d.tags.join(' ')].join(' '))]));
  return (q) => {
    const scores = new Float64Array(docs.length);
    const touched = index.score(words(q).map((term) => ({ term, weight: 1 })), scores).sort((a, b) => scores[b]! - scores[a]!);
    return { codes: touched.slice(0, 10).map((d) => docs[d]!.code), noMatch: touched.length === 0 };
  };
}

function engineSearcher(engine: SearchEngine): Searcher {
  return (q) => {
    const r = engine.search(q, 10);
    return { codes: r.results.map((x) => x.code), noMatch: r.noMatch };
  };
}

function latency(engine: SearchEngine, queries: Query[]) {
  for (const q of queries) engine.search(q.query, 10);
  const samples: number[] = [];
  for (let round = 0; round < args.rounds; round++) {
    for (const q of queries) {
      const t0 = performance.now();
      engine.search(q.query, 10);
      samples.push(performance.now() - t0);
    }
  }
  const s = summarize(samples);
  return { p50Ms: round(s.p50, 2), p99Ms: round(s.p99, 2), maxMs: round(s.max, 2), samples: s.n };
}

function suggestLatency(engine: SearchEngine, queries: Query[]) {
  const prefixes = queries.flatMap((q) => [q.query.slice(0, 1), q.query.slice(0, 2), q.query.slice(0, 3)]).filter(Boolean);
  const samples: number[] = [];
  for (const p of prefixes) engine.suggest(p);
  for (const p of prefixes) {
    const t0 = performance.now();
    engine.suggest(p);
    samples.push(performance.now() - t0);
  }
  const s = summarize(samples);
  return { p50Ms: round(s.p50, 2), p99Ms: round(s.p99, 2) };
}

interface GdItem { code: string; name: string; department: string; acceptConditions: string | null; materials: string[] | null; themes: string[] | null }

function gdDocs(): SearchDoc[] {
  const items = readJson<GdItem[]>(join(ROOT, 'bench/data/gd/items.normalized.json'));
  // shortName and dailyTerms are deliberately not indexed: the evaluation pairs are taken from them.
  return items.map((i) => ({
    code: i.code, kind: 'item', name: i.name, departmentId: null, departmentName: i.department ?? '',
    tags: (i.themes ?? []).filter((t) => t !== '其他'), description: '', conditions: i.acceptConditions ?? '', materials: i.materials ?? [],
  }));
}

function gdQueries(): Query[] {
  const lines = readFileSync(join(ROOT, 'bench/data/gd/alias_eval.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((l, n) => {
    const [query, , code, source] = l.split('\t');
    return { id: `gd-${n + 1}`, query: query!, expected: [code!], kind: source! };
  });
}

/** A bigger catalogue with the demo's vocabulary: each demo item in many local variants. */
function syntheticDocs(base: SearchDoc[], n: number): SearchDoc[] {
  const items = base.filter((d) => d.kind === 'item');
  const qualifiers = ['新办', '变更', '延续', '注销', '补办', '换发', '备案', '年度报告', '个人', '单位', '分支机构', '临时', '跨区迁移', '特殊情形', '告知承诺'];
  const places = ['城关', '东城', '西湖', '南山', '北塘', '高新区', '开发区', '滨江', '河西', '桥东'];
  const out: SearchDoc[] = [...base];
  for (let k = 0; out.length < n; k++) {
    const d = items[k % items.length]!;
    const q = qualifiers[Math.floor(k / items.length) % qualifiers.length]!;
    const p = places[Math.floor(k / (items.length * qualifiers.length)) % places.length]!;
    out.push({ ...d, code: `SYN-${k}`, name: `${d.name}（${q}·${p}${Math.floor(k / (items.length * qualifiers.length * places.length)) || ''}）`, departmentName: `${p}${d.departmentName}` });
  }
  return out;
}

const t0 = performance.now();
const items = readJson<Parameters<typeof catalogDocs>[0]>(join(ROOT, 'data/demo/items.json'));
const bundles = readJson<Parameters<typeof catalogDocs>[1]>(join(ROOT, 'data/demo/bundles.json'));
const departments = readJson<{ id: string; name: string }[]>(join(ROOT, 'data/demo/departments.json'));
const docs = catalogDocs(items, bundles, new Map(departments.map((d) => [d.id, d.name])));
const knowledge: KnowledgeEntry[] = loadKnowledgeFiles();
const queries = readJson<Query[]>(args.queries);
progress(`${queries.length} queries from ${args.queries}; ${docs.length} documents; ${knowledge.length} knowledge entries`);

let t = performance.now();
const engine = SearchEngine.build(docs, knowledge);
const buildMs = performance.now() - t;
const ours = quality(queries, engineSearcher(engine), 'engine');
const speed = latency(engine, queries);
const suggest = suggestLatency(engine, queries);
progress(`engine: top1 ${ours.top1} top5 ${ours.top5} noMatch ${ours.noMatchAccuracy} falseNoMatch ${ours.falseNoMatch}; p99 ${speed.p99Ms} ms`);

const base = quality(queries, baseline(docs), 'baseline');
progress(`baseline: top1 ${base.top1} top5 ${base.top5}`);

let gdAlias: Record<string, unknown> | null = null;
if (args.gd) {
  t = performance.now();
  const gd = gdDocs();
  const gdEngine = SearchEngine.build(gd, knowledge);
  const gdBuild = performance.now() - t;
  const gq = gdQueries();
  const g = quality(gq, engineSearcher(gdEngine), 'gd');
  const gb = quality(gq, baseline(gd), 'gd-baseline');
  const gs = latency(gdEngine, gq.slice(0, 300));
  // The Guangdong list has items that share one name under different codes (the same service in
  // several places); by name, the first result is the right service even when the code differs.
  const nameOf = new Map(gd.map((d) => [d.code, d.name]));
  const byName = gq.filter((q) => {
    const r = gdEngine.search(q.query, 1);
    return !r.noMatch && r.results[0] && nameOf.get(r.results[0].code) === nameOf.get(q.expected[0]!);
  }).length / gq.length;
  gdAlias = { top1: g.top1, top1ByName: round(byName, 3), top3: g.top3, top5: g.top5, mrr: g.mrr, falseNoMatch: g.falseNoMatch, items: gd.length, queries: gq.length, buildMs: round(gdBuild, 0), p99Ms: gs.p99Ms, baseline: { top1: gb.top1, top5: gb.top5, mrr: gb.mrr } };
  progress(`gd: top1 ${g.top1} top5 ${g.top5} (baseline ${gb.top1}/${gb.top5})`);
}

let synthetic: Record<string, unknown> | null = null;
if (args.synthetic > 0) {
  t = performance.now();
  const big = SearchEngine.build(syntheticDocs(docs, args.synthetic), knowledge);
  const bigBuild = performance.now() - t;
  const s = latency(big, queries);
  synthetic = { items: args.synthetic, buildMs: round(bigBuild, 0), ...s, suggest: suggestLatency(big, queries) };
  progress(`synthetic ${args.synthetic}: p99 ${s.p99Ms} ms`);
}

printResult({
  top1: ours.top1, top3: ours.top3, top5: ours.top5, mrr: ours.mrr,
  noMatchAccuracy: ours.noMatchAccuracy, falseNoMatch: ours.falseNoMatch,
  p50Ms: speed.p50Ms, p99Ms: speed.p99Ms,
  baseline: { top1: base.top1, top3: base.top3, top5: base.top5, mrr: base.mrr, noMatchAccuracy: base.noMatchAccuracy, falseNoMatch: base.falseNoMatch },
  gdAlias,
  synthetic,
  suggest,
  byKind: ours.byKind,
  queries: queries.length, documents: docs.length, knowledgeEntries: knowledge.length, buildMs: round(buildMs, 0),
  machine: machineNote(), totalMs: round(performance.now() - t0, 0),
});
process.exit(0);
