export type DocKind = 'item' | 'bundle';

/** What the engine indexes for one catalogue item or bundle (built from the catalogue, any catalogue). */
export interface SearchDoc {
  code: string;
  kind: DocKind;
  name: string;
  departmentId: string | null;
  departmentName: string;
  tags: string[];
  description: string;
  conditions: string;
  materials: string[];
  /** Items of a bundle. */
  itemCodes?: string[];
}

export const KNOWLEDGE_KINDS = ['alias', 'synonym', 'scenario', 'english', 'stopword', 'out_of_scope', 'hotword'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/**
 * One knowledge-base entry.
 * - alias: colloquial phrase → item/bundle codes (`targets`)
 * - synonym: everyday word → official words (`expansion`)
 * - scenario: life-event phrase → bundle (or item) codes (`targets`)
 * - english: English word/phrase → Chinese words (`expansion`)
 * - stopword: filler that never decides an item
 * - out_of_scope: a topic no government item serves (banks, phone bills, foreign visas…); `expansion[0]` names the topic
 * - hotword: shown under the search box
 */
export interface KnowledgeEntry {
  kind: KnowledgeKind;
  term: string;
  targets: string[];
  expansion: string[];
  weight: number;
}

export interface SearchHit {
  code: string;
  kind: DocKind;
  name: string;
  departmentId: string | null;
  score: number;
  /** Why it matched: knowledge-base phrases and query words that hit. */
  matched: string[];
}

export interface SearchOutcome {
  results: SearchHit[];
  noMatch: boolean;
  /** "Did you mean": the query as the engine understood it, when it corrected typos, pinyin or English. */
  suggestion: string | null;
  /** Out-of-scope topic recognised in the query (e.g. 银行), if any. */
  outOfScope: string | null;
  normalized: string;
}

export interface Suggestion {
  text: string;
  code: string | null;
  /** The official name when `text` is a colloquial phrase for it. */
  name: string | null;
  kind: DocKind | 'query';
}
