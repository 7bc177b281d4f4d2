// BM25F over weighted fields: per-field length-normalised term frequencies are weighted and summed
// before saturation, so a term counts once per document however many fields repeat it.

export interface FieldSpec {
  weight: number;
  /** Length normalisation strength for the field (0 = none, 1 = full). */
  b: number;
  /**
   * Whether the field counts for a term's rarity (idf). A term in nearly every document's materials
   * (居民身份证) is still rare, and telling, in names.
   */
  idf?: boolean;
}

export interface QueryTerm {
  term: string;
  weight: number;
}

/** A term's postings: documents in ascending order and their field-weighted, length-normalised term frequency. */
interface Postings {
  docs: Int32Array;
  wtf: Float32Array;
}

export class Bm25fIndex {
  private readonly postings = new Map<string, Postings>();
  /** Documents containing the term in a field that counts for idf. */
  private readonly idfDf = new Map<string, number>();
  readonly docCount: number;

  constructor(
    fields: FieldSpec[],
    docs: string[][][], // docs[doc][field] = terms
    private readonly k1 = 1.2,
  ) {
    this.docCount = docs.length;
    const totals = fields.map(() => 0);
    for (const doc of docs) doc.forEach((terms, f) => (totals[f]! += terms.length));
    const avg = totals.map((t) => (docs.length ? t / docs.length : 0) || 1);
    // Field weights and length normalisation are fixed, so each posting stores its combined frequency.
    const lists = new Map<string, { docs: number[]; wtf: number[] }>();
    docs.forEach((doc, d) => {
      const local = new Map<string, number>();
      const counted = new Set<string>();
      doc.forEach((terms, f) => {
        const { weight, b, idf = true } = fields[f]!;
        const norm = weight / (1 - b + (b * terms.length) / avg[f]!);
        for (const term of terms) {
          local.set(term, (local.get(term) ?? 0) + norm);
          if (idf) counted.add(term);
        }
      });
      for (const term of counted) this.idfDf.set(term, (this.idfDf.get(term) ?? 0) + 1);
      for (const [term, wtf] of local) {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = { docs: [], wtf: [] }));
        list.docs.push(d);
        list.wtf.push(wtf);
      }
    });
    for (const [term, l] of lists) this.postings.set(term, { docs: Int32Array.from(l.docs), wtf: Float32Array.from(l.wtf) });
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  idf(term: string): number {
    const df = this.idfDf.get(term) ?? this.documentFrequency(term);
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5));
  }

  /**
   * Adds every document's score into `scores` (indexed by document) and returns the documents
   * touched. Typed arrays and no per-document objects: this is the hot loop.
   */
  score(terms: QueryTerm[], scores: Float64Array): number[] {
    const touched: number[] = [];
    const k1 = this.k1;
    for (const { term, weight } of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const scale = weight * this.idf(term);
      const { docs, wtf } = list;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const w = wtf[i]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (scale * w) / (k1 + w);
      }
    }
    return touched;
  }

  /** Whether a document contains a term (binary search in the term's postings). */
  contains(term: string, doc: number): boolean {
    const list = this.postings.get(term);
    if (!list) return false;
    const docs = list.docs;
    let lo = 0;
    let hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = docs[mid]!;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
