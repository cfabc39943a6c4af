import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, migrate, migrationTags, pendingMigrations } from '../../src/db/migrate.js';
import { queryRows } from '../../src/db/rows.js';
import { describeEachDatabase } from '../helpers/databases.js';

/** Tables, columns, constraints and indexes of the public schema, as one comparable list. */
async function catalog(db: Parameters<typeof queryRows>[0]): Promise<string[]> {
  const rows = await queryRows<{ item: string }>(
    db,
    sql`
      SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type AS item
        FROM information_schema.columns WHERE table_schema = 'public'
      UNION ALL
      SELECT 'constraint ' || conrelid::regclass || ' ' || conname FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace
      UNION ALL
      SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL
      SELECT 'extension ' || extname FROM pg_extension
      ORDER BY 1`,
  );
  return rows.map((r) => r.item);
}

describeEachDatabase(
  'migrations',
  (suite) => {
    it('apply to an empty database', async () => {
      expect(await pendingMigrations(suite.db)).toEqual(migrationTags());
      const { applied, total } = await migrate(suite.db);
      expect(applied).toEqual(migrationTags());
      expect(total).toBe(migrationTags().length);
      expect(await pendingMigrations(suite.db)).toEqual([]);
      const items = await catalog(suite.db);
      for (const expected of [
        'extension pg_trgm',
        'extension unaccent',
        'index events_date_range_idx',
        'index speakers_names_trgm_idx',
        'index organizations_names_trgm_idx',
        'index quotes_search_idx',
        'index articles_search_idx',
        'index quotes_speaker_order_idx',
      ]) {
        expect(items).toContain(expected);
      }
    });

    it('applied again, change nothing', async () => {
      const before = await catalog(suite.db);
      const count = async () =>
        (await queryRows<{ n: number }>(suite.db, sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`))[0]?.n;
      const migrationsBefore = await count();
      const { applied } = await migrate(suite.db);
      expect(applied).toEqual([]);
      expect(await catalog(suite.db)).toEqual(before);
      expect(await count()).toBe(migrationsBefore);
    });

    it('apply once each when two migrators run together', async () => {
      // Re-running concurrently against an up-to-date database must not apply anything twice.
      const results = await Promise.all([migrate(suite.db), migrate(suite.db)]);
      expect(results.flatMap((r) => r.applied)).toEqual([]);
    });
  },
  { migrated: false },
);

describe('migration files', () => {
  it('are all registered in the journal, in order', () => {
    const files = readdirSync(MIGRATIONS_FOLDER)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.replace(/\.sql$/, ''))
      .sort();
    expect(files).toEqual(migrationTags());
  });

  it('create the extensions before anything uses them', () => {
    const first = readFileSync(path.join(MIGRATIONS_FOLDER, `${migrationTags()[0]}.sql`), 'utf8');
    const ext = first.indexOf('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    expect(ext).toBeGreaterThanOrEqual(0);
    expect(ext).toBeLessThan(first.indexOf('gin_trgm_ops'));
    expect(first.indexOf('FUNCTION verbatim_unaccent')).toBeLessThan(first.indexOf('CREATE TABLE'));
  });
});
