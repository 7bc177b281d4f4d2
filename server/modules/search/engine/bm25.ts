// BM25F over weighted fields: per-field length-normalised term frequencies are weighted and summed
// before saturation, so a term counts once per document however many fields repeat it.

export interface FieldSpec {
  weight: number;
  /** Length normalisation strength for the field (0 = none, 1 = full). */
  b: number;
}

export interface QueryTerm {
  term: string;
  weight: number;
}

interface Posting {
  doc: number;
  /** Term frequency per field, same order as the field specs. */
  tf: Float32Array;
}

export class Bm25fIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly lengths: Float32Array[] = [];
  private readonly avgLength: number[];
  readonly docCount: number;

  constructor(
    private readonly fields: FieldSpec[],
    docs: string[][][], // docs[doc][field] = terms
    private readonly k1 = 1.2,
  ) {
    this.docCount = docs.length;
    const totals = fields.map(() => 0);
    docs.forEach((doc, d) => {
      const lens = new Float32Array(fields.length);
      const local = new Map<string, Float32Array>();
      doc.forEach((terms, f) => {
        lens[f] = terms.length;
        totals[f]! += terms.length;
        for (const term of terms) {
          let tf = local.get(term);
          if (!tf) local.set(term, (tf = new Float32Array(fields.length)));
          tf[f]! += 1;
        }
      });
      this.lengths.push(lens);
      for (const [term, tf] of local) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc: d, tf });
      }
    });
    this.avgLength = totals.map((t) => (docs.length ? t / docs.length : 0) || 1);
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  /** Scores every document that contains at least one term; also reports which terms each matched. */
  score(terms: QueryTerm[]): Map<number, { score: number; matched: Set<string> }> {
    const out = new Map<number, { score: number; matched: Set<string> }>();
    for (const { term, weight } of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        const lens = this.lengths[doc]!;
        let wtf = 0;
        for (let f = 0; f < this.fields.length; f++) {
          const n = tf[f]!;
          if (n === 0) continue;
          const { weight: fw, b } = this.fields[f]!;
          wtf += (fw * n) / (1 - b + (b * lens[f]!) / this.avgLength[f]!);
        }
        const s = (weight * idf * wtf) / (this.k1 + wtf);
        const entry = out.get(doc);
        if (entry) {
          entry.score += s;
          entry.matched.add(term);
        } else out.set(doc, { score: s, matched: new Set([term]) });
      }
    }
    return out;
  }
}
