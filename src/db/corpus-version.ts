/**
 * The corpus version: the corpus only changes through migrations, so the latest applied migration
 * identifies its content. Caches (HTTP ETags, response caches) key on it.
 *
 * Reading it costs a statement, so the server keeps it in memory and re-reads it every `ttlMs`
 * in the background: a migration applied to a running server is seen within that time.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';
import { queryRows } from './rows.js';

/** `<applied migrations>-<latest migration's created_at>-<its hash prefix>`, or "empty". */
export async function readCorpusVersion(db: Database): Promise<string> {
  try {
    const [row] = await queryRows<{ n: number; created_at: string | null; hash: string | null }>(
      db,
      sql`SELECT count(*) OVER ()::int AS n, created_at::text AS created_at, hash
            FROM drizzle.__drizzle_migrations ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    if (!row) return 'empty';
    return `${row.n}-${row.created_at}-${(row.hash ?? '').slice(0, 12)}`;
  } catch (error) {
    // No bookkeeping table yet: nothing migrated. Anything else (an outage) is the caller's.
    let e: unknown = error;
    while (e instanceof Error && (e as { code?: unknown }).code !== '42P01' && e.cause) e = e.cause;
    if ((e as { code?: unknown }).code === '42P01') return 'empty';
    throw error;
  }
}

export class CorpusVersion {
  #value: string | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 2_000,
  ) {}

  /** The last version read; undefined until the first read succeeds (or while unknown). */
  get value(): string | undefined {
    return this.#value;
  }

  async refresh(): Promise<string | undefined> {
    try {
      this.#value = await readCorpusVersion(this.db);
    } catch {
      // The database is down: keep the last known version; caches stay as they are.
    }
    return this.#value;
  }

  /** Reads now, then every ttlMs until stop(). */
  async start(): Promise<void> {
    await this.refresh();
    this.#timer = setInterval(() => void this.refresh(), this.ttlMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
