// Closed-loop load: `clients` workers each send one request after another for warm-up + measured time.
// Requests that finish inside the measured window count (throughput, latency, errors); none start after it.
import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  clients: number;
  warmupMs: number;
  measureMs: number;
  /** One request; resolve true on success, false (or throw) on error. `label` is an error sample. */
  run(client: number, seq: number): Promise<true | { error: string }>;
  onTick?: (s: { elapsedMs: number; ok: number; errors: number }) => void;
}

export interface LoadResult {
  ok: number;
  errors: number;
  requests: number;
  latenciesMs: number[];
  measuredSeconds: number;
  errorSamples: string[];
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const errorSamples: string[] = [];
  let ok = 0;
  let errors = 0;
  let requests = 0;
  const start = performance.now();
  const measureFrom = start + o.warmupMs;
  const measureTo = measureFrom + o.measureMs;
  const tick = o.onTick && setInterval(() => o.onTick!({ elapsedMs: performance.now() - start, ok, errors }), 1000);

  async function worker(client: number) {
    for (let seq = 0; ; seq++) {
      const t0 = performance.now();
      if (t0 >= measureTo) return;
      let res: true | { error: string };
      try {
        res = await o.run(client, seq);
      } catch (e) {
        res = { error: String((e as Error).message ?? e) };
      }
      const t1 = performance.now();
      if (t1 < measureFrom || t1 > measureTo) continue;
      requests++;
      latenciesMs.push(t1 - t0);
      if (res === true) ok++;
      else {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(res.error);
      }
    }
  }
  await Promise.all(Array.from({ length: o.clients }, (_, i) => worker(i)));
  if (tick) clearInterval(tick);
  return { ok, errors, requests, latenciesMs, measuredSeconds: o.measureMs / 1000, errorSamples };
}
