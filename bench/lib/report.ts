// Progress goes to stderr; the result is exactly one JSON object on the last line of stdout.
import { cpus as osCpus, loadavg as osLoadavg } from 'node:os';

export function progress(msg: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

export function printResult(result: unknown) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Rounded for reading; enough digits for milliseconds and rates. */
export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

/** Where the figures were taken: core count and the 1-minute load average when the run started (shared machines vary). */
export function machineNote() {
  return { cpus: osCpus().length, load1AtStart: round(osLoadavg()[0]!, 2), node: process.version };
}
