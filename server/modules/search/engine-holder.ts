// Keeps the in-process engine fresh: built on first use, rebuilt at once after a local knowledge or
// catalogue change, and rebuilt in the background when another server instance changed either
// (checked at most every few seconds against a cheap signature query). Searches keep using the old
// engine while a new one builds.
import type { Db } from '../../platform/db/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import { catalogDocs } from './catalog-docs.ts';
import { SearchEngine } from './engine/engine.ts';
import type { KnowledgeEntry } from './engine/types.ts';
import * as repo from './search.repo.ts';

export interface ResultMeta {
  departmentName: string;
  onlineDepth: string | null;
  promisedLimitDays: number | null;
  itemCount: number | null;
}

interface Built {
  engine: SearchEngine;
  meta: Map<string, ResultMeta>;
  signature: string;
}

const CHECK_EVERY_MS = 5_000;

export class EngineHolder {
  private current?: Built;
  private building?: Promise<Built>;
  private checkedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly catalog: CatalogService,
    private readonly onError: (err: unknown) => void,
  ) {}

  private async signature(): Promise<string> {
    const [cat, kb] = await Promise.all([this.catalog.signature(), repo.knowledgeSignature(this.db)]);
    return `${cat}|${kb.n}/${kb.m ? new Date(kb.m as Date | string).getTime() : 0}`;
  }

  private async build(): Promise<Built> {
    const signature = await this.signature();
    const [{ items, bundles }, departments, knowledge] = await Promise.all([
      this.catalog.searchCorpus(),
      this.catalog.departments(),
      repo.allEnabledKnowledge(this.db),
    ]);
    const names = new Map(departments.map((d) => [d.id, d.name]));
    const engine = SearchEngine.build(catalogDocs(items, bundles, names), knowledge as KnowledgeEntry[]);
    const meta = new Map<string, ResultMeta>();
    for (const i of items) meta.set(i.code, { departmentName: i.departmentName, onlineDepth: i.onlineDepth, promisedLimitDays: i.promisedLimitDays, itemCount: null });
    for (const b of bundles) meta.set(b.code, { departmentName: '', onlineDepth: null, promisedLimitDays: null, itemCount: b.itemCodes.length });
    return { engine, meta, signature };
  }

  /** Builds a new engine (one build at a time) and swaps it in. */
  rebuild(): Promise<Built> {
    if (!this.building) {
      this.building = this.build()
        .then((b) => (this.current = b))
        .finally(() => (this.building = undefined));
    }
    return this.building;
  }

  /** After a change made here: waits out any build that may have read the old data, then builds again. */
  async refresh(): Promise<Built> {
    if (this.building) await this.building.catch(() => undefined);
    return this.rebuild();
  }

  async get(): Promise<Built> {
    if (!this.current) return this.rebuild();
    const now = Date.now();
    if (now - this.checkedAt > CHECK_EVERY_MS && !this.building) {
      this.checkedAt = now;
      const known = this.current.signature;
      this.signature()
        .then((s) => (s !== known ? this.rebuild() : undefined))
        .catch(this.onError);
    }
    return this.current;
  }
}
