/** Where the bench corpus lives: one database per size on the server, never the seed corpus's. */
import postgres from 'postgres';

export const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const SIZE_PRESETS: Record<string, number> = { tiny: 1_000, small: 10_000, medium: 100_000, large: 1_000_000 };

/** `--quotes 1000000`, `--quotes 10k`, `--quotes 1m` or a preset name (`--size large`). */
export function parseQuotes(value: string): number {
  const preset = SIZE_PRESETS[value];
  if (preset) return preset;
  const m = /^([0-9_]+)([km]?)$/i.exec(value.trim());
  if (!m)
    throw new Error(
      `--quotes: expected a number like 1000000, 10k or 1m, or one of ${Object.keys(SIZE_PRESETS).join(', ')} (got ${JSON.stringify(value)})`,
    );
  const n = Number((m[1] as string).replace(/_/g, '')) * ({ k: 1_000, m: 1_000_000 }[(m[2] ?? '').toLowerCase()] ?? 1);
  if (!Number.isSafeInteger(n) || n < 100) throw new Error(`--quotes: at least 100 (got ${value})`);
  return n;
}

export function benchDatabaseName(quotes: number): string {
  return `verbatim_bench_${quotes}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function benchUrl(quotes: number): string {
  return databaseUrl(benchDatabaseName(quotes));
}

/** Connects to the server's maintenance database (to create or drop bench databases). */
export function adminClient(): postgres.Sql {
  return postgres(SERVER_URL, { max: 1, onnotice: () => {} });
}
