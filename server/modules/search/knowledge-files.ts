// Reads the shipped knowledge base (data/knowledge/) into entries: per-department alias files and
// the general vocabulary files. Used by the demo seed, tests and benchmarks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeEntry } from './engine/types.ts';

export const KNOWLEDGE_DIR = join(import.meta.dirname, '../../../data/knowledge');

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

/** `<name>.json` and any further parts `<name>.2.json`, `<name>.3.json`…, in name order. */
function readAll<T>(dir: string, name: string): T[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f === `${name}.json` || (f.startsWith(`${name}.`) && f.endsWith('.json'))).sort();
  return files.flatMap((f) => readJson<T[]>(join(dir, f)) ?? []);
}

function entry(kind: KnowledgeEntry['kind'], term: string, targets: string[] = [], expansion: string[] = []): KnowledgeEntry {
  return { kind, term, targets, expansion, weight: 1 };
}

export function loadKnowledgeFiles(dir = KNOWLEDGE_DIR): KnowledgeEntry[] {
  const out: KnowledgeEntry[] = [];
  const aliasDir = join(dir, 'aliases');
  if (existsSync(aliasDir)) {
    for (const file of readdirSync(aliasDir).filter((f) => f.endsWith('.json')).sort()) {
      for (const item of readJson<{ code: string; aliases: string[] }[]>(join(aliasDir, file)) ?? []) {
        for (const alias of item.aliases) out.push(entry('alias', alias, [item.code]));
      }
    }
  }
  for (const s of readAll<{ term: string; expansion: string[] }>(dir, 'synonyms')) out.push(entry('synonym', s.term, [], s.expansion));
  for (const s of readAll<{ term: string; expansion: string[] }>(dir, 'english')) out.push(entry('english', s.term, [], s.expansion));
  for (const s of readAll<{ bundle: string; phrases: string[] }>(dir, 'scenarios')) {
    for (const p of s.phrases) out.push(entry('scenario', p, [s.bundle]));
  }
  for (const w of readAll<string>(dir, 'stopwords')) out.push(entry('stopword', w));
  for (const s of readAll<{ term: string; topic: string }>(dir, 'out-of-scope')) out.push(entry('out_of_scope', s.term, [], [s.topic]));
  for (const w of readAll<string>(dir, 'hotwords')) out.push(entry('hotword', w));
  return out;
}
