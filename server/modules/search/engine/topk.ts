// Top-k selection over a score array with a small heap: the ranking never sorts every matching document.

export /** The k highest-scoring documents, best first, without sorting them all. */
function topK(docs: number[], scores: Float64Array, k: number): number[] {
  if (docs.length <= k) return [...docs].sort((x, y) => scores[y]! - scores[x]!);
  const heap: number[] = [];
  const less = (i: number, j: number) => scores[heap[i]!]! < scores[heap[j]!]!;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (const d of docs) {
    if (heap.length < k) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (scores[d]! > scores[heap[0]!]!) {
      heap[0] = d;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  return heap.sort((x, y) => scores[y]! - scores[x]!);
}
