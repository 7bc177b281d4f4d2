// Multinomial logistic regression on sparse binary features, trained with AdaGrad and L2, optionally
// blended with naive Bayes, and a multinomial naive Bayes model for the baseline. Both serialise to plain
// JSON.

export interface Prediction {
  label: string;
  confidence: number;
  alternatives: { label: string; confidence: number }[];
}

export interface SoftmaxModel {
  kind: 'softmax';
  labels: string[];
  /**
   * feature → its weights: one per label, or (shorter than the label count) only the non-zero ones as
   * [label index, weight, label index, weight, …]. Multiplied by `scale` when it is set (compact integers).
   */
  weights: Record<string, number[]>;
  /** Stored weights are integers: the weight times this number. */
  scale?: number;
  bias: number[];
  /** Scores are divided by it before the softmax (calibration: > 1 makes confidences less extreme). */
  temperature?: number;
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  seed?: number;
  /**
   * Share of a naive Bayes model blended into the weights (0 = none). A log-linear blend of two linear
   * models is again a linear model, so the blend costs nothing at prediction time.
   */
  naiveBayes?: number;
  /** Naive Bayes scores are divided by this before blending (they are far more extreme than the regression's). */
  naiveBayesTemperature?: number;
  /**
   * Labels whose gradient for a sample is smaller than this leave that sample's feature weights alone
   * (AdaGrad's first step has the full rate whatever the gradient, so tiny ones would make every weight
   * non-zero). Makes the model sparse and training faster.
   */
  minGradient?: number;
  /** Stored with the model; see SoftmaxModel.temperature. */
  temperature?: number;
  /** Weights are stored rounded to this many decimals; features whose weights all round to 0 are dropped. */
  decimals?: number;
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
  // Features as dense ids so the weights live in one flat array (feature-major, k per feature).
  const ids = new Map<string, number>();
  const rows = samples.map((s) => Int32Array.from(new Set(s.features), (f) => {
    let id = ids.get(f);
    if (id === undefined) ids.set(f, (id = ids.size));
    return id;
  }));
  const targets = Int32Array.from(samples, (s) => index.get(s.label)!);
  const sampleWeights = Float64Array.from(samples, (s) => s.weight ?? 1);
  const { weights, bias } = adaGrad(rows, targets, sampleWeights, ids.size, k, opts);
  const { naiveBayes = 0, naiveBayesTemperature = 5, temperature = 1, decimals = 2 } = opts;
  if (naiveBayes > 0) blendNaiveBayes(samples, rows, index, weights, bias, naiveBayes, naiveBayesTemperature);
  const scale = 10 ** decimals;
  const out: Record<string, number[]> = {};
  for (const [f, id] of ids) {
    const w = Array.from(weights.subarray(id * k, id * k + k), (x) => Math.round(x * scale));
    // Adding one number to all of a feature's weights leaves every softmax unchanged: subtract the most
    // common one, so that most become 0 and are not stored.
    const mode = mostCommon(w);
    const pairs: number[] = [];
    w.forEach((x, c) => x !== mode && pairs.push(c, x - mode));
    if (pairs.length) out[f] = pairs.length < k ? pairs : w.map((x) => x - mode);
  }
  return { kind: 'softmax', labels, scale, weights: out, bias: Array.from(bias, (x) => Math.round(x * scale) / scale), ...(temperature !== 1 ? { temperature } : {}) };
}

/** AdaGrad with L2 over the samples (feature ids per sample), visiting them in an order shuffled by opts.seed. */
function adaGrad(rows: Int32Array[], targets: Int32Array, sampleWeights: Float64Array, features: number, k: number, opts: TrainOptions) {
  const weights = new Float64Array(features * k);
  const grads = new Float64Array(features * k).fill(1e-8);
  const bias = new Float64Array(k);
  const biasGrad = new Float64Array(k).fill(1e-8);
  const scores = new Float64Array(k);
  const { epochs = 30, rate = 0.1, l2 = 1e-3, seed = 7, minGradient = 1e-6 } = opts;
  const random = mulberry32(seed);
  const order = Array.from(rows, (_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const feats = rows[n]!;
      scores.set(bias);
      for (const f of feats) for (let c = 0, o = f * k; c < k; c++) scores[c]! += weights[o + c]!;
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, scores[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += scores[c] = Math.exp(scores[c]! - max);
      const y = targets[n]!;
      const sw = sampleWeights[n]!;
      for (let c = 0; c < k; c++) {
        const g = sw * (scores[c]! / sum - (c === y ? 1 : 0));
        biasGrad[c]! += g * g;
        bias[c]! -= (rate * g) / Math.sqrt(biasGrad[c]!);
        if (Math.abs(g) < minGradient) continue;
        for (const f of feats) {
          const o = f * k + c;
          const gf = g + l2 * weights[o]!;
          grads[o]! += gf * gf;
          weights[o]! -= (rate * gf) / Math.sqrt(grads[o]!);
        }
      }
    }
  }
  return { weights, bias };
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0]!;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > counts.get(best)!) best = v;
  }
  return best;
}

/**
 * weights ← (1 − share)·weights + (share / T)·(naive Bayes log-likelihoods of the binary features, add-one
 * smoothed), bias likewise with the log priors. Each feature's likelihoods are centred over the labels,
 * which leaves the softmax unchanged and keeps the stored numbers small.
 */
function blendNaiveBayes(samples: { label: string; weight?: number }[], rows: Int32Array[], index: Map<string, number>, weights: Float64Array, bias: Float64Array, share: number, temperature: number) {
  const k = bias.length;
  const counts = new Float64Array(weights.length);
  const totals = new Float64Array(k);
  const docs = new Float64Array(k);
  samples.forEach((s, n) => {
    const y = index.get(s.label)!;
    const sw = s.weight ?? 1;
    docs[y]! += sw;
    for (const f of rows[n]!) {
      counts[f * k + y]! += sw;
      totals[y]! += sw;
    }
  });
  const vocabulary = weights.length / k;
  const nDocs = docs.reduce((a, b) => a + b, 0);
  const mix = share / temperature;
  const logLik = new Float64Array(k);
  for (let f = 0; f < vocabulary; f++) {
    let mean = 0;
    for (let c = 0; c < k; c++) mean += logLik[c] = Math.log((counts[f * k + c]! + 1) / (totals[c]! + vocabulary));
    mean /= k;
    for (let c = 0; c < k; c++) weights[f * k + c] = (1 - share) * weights[f * k + c]! + mix * (logLik[c]! - mean);
  }
  for (let c = 0; c < k; c++) bias[c] = (1 - share) * bias[c]! + mix * Math.log((docs[c]! + 1) / (nDocs + k));
}

export function predictSoftmax(model: SoftmaxModel, features: string[], alternatives = 2): Prediction {
  return rank(model.labels, softmaxProbabilities(model, features), alternatives);
}

/** The best label of a distribution with its confidence and the next ones. */
export function rankPrediction(d: { labels: string[]; probabilities: number[] }, alternatives = 2): Prediction {
  return rank(d.labels, d.probabilities, alternatives);
}

/** Every label's probability, in the order of model.labels. */
export function softmaxProbabilities(model: SoftmaxModel, features: string[]): number[] {
  const k = model.labels.length;
  const scale = model.scale ?? 1;
  const scores = model.bias.map((b) => b * scale);
  for (const f of new Set(features)) {
    const w = model.weights[f];
    if (!w) continue;
    if (w.length === k) for (let c = 0; c < k; c++) scores[c]! += w[c]!;
    else for (let j = 0; j < w.length; j += 2) scores[w[j]!]! += w[j + 1]!;
  }
  const t = (model.temperature ?? 1) * scale;
  return softmax(t === 1 ? scores : scores.map((x) => x / t));
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
