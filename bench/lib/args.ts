// Tiny flag parser: --name value, --name=value, --flag (true). Unknown flags are errors, so typos do not go unnoticed.
export type FlagSpec = Record<string, { default: string | number | boolean; help: string }>;

export function parseArgs<S extends FlagSpec>(spec: S, argv = process.argv.slice(2)): { [K in keyof S]: S[K]['default'] } {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, v.default]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      process.stderr.write(`flags:\n${Object.entries(spec).map(([k, v]) => `  --${k.padEnd(14)} ${v.help} (default ${String(v.default)})`).join('\n')}\n`);
      process.exit(0);
    }
    const m = /^--([a-zA-Z-]+)(?:=(.*))?$/.exec(a);
    if (!m || !(m[1]! in spec)) throw new Error(`unknown argument ${a} (try --help)`);
    const name = m[1]!;
    const def = spec[name]!.default;
    let raw = m[2];
    if (raw === undefined) {
      if (typeof def === 'boolean') raw = 'true';
      else raw = argv[++i];
    }
    if (raw === undefined) throw new Error(`--${name} needs a value`);
    if (typeof def === 'number') {
      const n = Number(raw.replaceAll('_', ''));
      if (!Number.isFinite(n)) throw new Error(`--${name} must be a number`);
      out[name] = n;
    } else if (typeof def === 'boolean') out[name] = raw !== 'false' && raw !== '0';
    else out[name] = raw;
  }
  return out as { [K in keyof S]: S[K]['default'] };
}
