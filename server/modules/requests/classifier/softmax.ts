// Multinomial logistic regression on sparse binary features, trained with AdaGrad and L2, and a
// multinomial naive Bayes model for the baseline. Both serialise to plain JSON.

export interface Prediction {
  label: string;
  confidence: number;
  alternatives: { label: string; confidence: number }[];
}

export interface SoftmaxModel {
  kind: 'softmax';
  labels: string[];
  /** feature → weights per label */
  weights: Record<string, number[]>;
  bias: number[];
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  seed?: number;
}

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export function trainSoftmax(samples: { features: string[]; label: string; weight?: number }[], opts: TrainOptions = {}): SoftmaxModel {
  const labels = [...new Set(samples.map((s) => s.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const k = labels.length;
  const weights = new Map<string, Float64Array>();
  const grads = new Map<string, Float64Array>();
  const bias = new Float64Array(k);
  const biasGrad = new Float64Array(k).fill(1e-8);
  const { epochs = 30, rate = 0.5, l2 = 1e-4, seed = 7 } = opts;
  const random = mulberry32(seed);
  const order = samples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const s = samples[n]!;
      const feats = [...new Set(s.features)];
      const scores = Array.from(bias);
      for (const f of feats) {
        const w = weights.get(f);
        if (w) for (let c = 0; c < k; c++) scores[c]! += w[c]!;
      }
      const p = softmax(scores);
      const y = index.get(s.label)!;
      const sw = s.weight ?? 1;
      for (let c = 0; c < k; c++) {
        const g = sw * (p[c]! - (c === y ? 1 : 0));
        biasGrad[c]! += g * g;
        bias[c]! -= (rate * g) / Math.sqrt(biasGrad[c]!);
        if (Math.abs(g) < 1e-6) continue;
        for (const f of feats) {
          let w = weights.get(f);
          let gr = grads.get(f);
          if (!w || !gr) {
            weights.set(f, (w = new Float64Array(k)));
            grads.set(f, (gr = new Float64Array(k).fill(1e-8)));
          }
          const gf = g + l2 * w[c]!;
          gr[c]! += gf * gf;
          w[c]! -= (rate * gf) / Math.sqrt(gr[c]!);
        }
      }
    }
  }
  const out: Record<string, number[]> = {};
  for (const [f, w] of weights) {
    if (w.some((x) => Math.abs(x) > 1e-4)) out[f] = Array.from(w, (x) => Math.round(x * 1e4) / 1e4);
  }
  return { kind: 'softmax', labels, weights: out, bias: Array.from(bias, (x) => Math.round(x * 1e4) / 1e4) };
}

export function predictSoftmax(model: SoftmaxModel, features: string[], alternatives = 2): Prediction {
  const scores = [...model.bias];
  for (const f of new Set(features)) {
    const w = model.weights[f];
    if (w) for (let c = 0; c < scores.length; c++) scores[c]! += w[c]!;
  }
  return rank(model.labels, softmax(scores), alternatives);
}

function rank(labels: string[], probs: number[], alternatives: number): Prediction {
  const order = probs.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const [best, ...rest] = order;
  return {
    label: labels[best![1]]!,
    confidence: round(best![0]),
    alternatives: rest.slice(0, alternatives).map(([p, i]) => ({ label: labels[i]!, confidence: round(p) })),
  };
}

/** Multinomial naive Bayes with add-one smoothing (the baseline). */
export function trainNaiveBayes(samples: { features: string[]; label: string }[]) {
  const labels = [...new Set(samples.map((s) => s.label))].sort();
  const counts = new Map(labels.map((l) => [l, new Map<string, number>()]));
  const totals = new Map(labels.map((l) => [l, 0]));
  const docs = new Map(labels.map((l) => [l, 0]));
  const vocab = new Set<string>();
  for (const s of samples) {
    const c = counts.get(s.label)!;
    docs.set(s.label, docs.get(s.label)! + 1);
    for (const f of s.features) {
      c.set(f, (c.get(f) ?? 0) + 1);
      totals.set(s.label, totals.get(s.label)! + 1);
      vocab.add(f);
    }
  }
  return (features: string[]): Prediction => {
    const logp = labels.map((l) => {
      let lp = Math.log(docs.get(l)! / samples.length);
      const c = counts.get(l)!;
      const denom = totals.get(l)! + vocab.size;
      for (const f of features) if (vocab.has(f)) lp += Math.log(((c.get(f) ?? 0) + 1) / denom);
      return lp;
    });
    const max = Math.max(...logp);
    const probs = logp.map((x) => Math.exp(x - max));
    const sum = probs.reduce((a, b) => a + b, 0);
    return rank(labels, probs.map((p) => p / sum), 2);
  };
}
