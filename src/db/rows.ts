import { type Column, eq, getTableColumns, sql, type SQL, type SQLWrapper, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgColumn, PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';

type Executor = Pick<PgDatabase<PgQueryResultHKT, Record<string, unknown>>, 'execute'>;

/**
 * Rows of a raw SQL query, whatever the driver: postgres.js returns an array, PGlite an object
 * with `rows`. Column names are the database's (snake_case), values as the driver parses them.
 */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * A list of ids as one int4[] parameter: `IN ($1, …, $n)` would make a different statement text
 * for every list length, and the server connection prepares each text it sees once per
 * connection (src/db/client.ts).
 */
export function idArray(ids: readonly number[]): SQL {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`not an id: ${id}`);
  return sql`${`{${ids.join(',')}}`}::int4[]`;
}

/** `expression = ANY(ids)`, with the ids as one parameter (see idArray). */
export function inIds(expression: SQLWrapper, ids: readonly number[]): SQL {
  return sql`${expression} = ANY(${idArray(ids)})`;
}

/** A table's row as the API uses it: every column but the generated full-text vector. */
export type Row<T extends Table> = Omit<T['$inferSelect'], 'search'>;

/** A table's columns without its `search` vector (never read back: it only serves the index). */
export function rowColumns<T extends Table>(table: T): Omit<T['_']['columns'], 'search'> {
  const { search: _search, ...columns } = getTableColumns(table) as Record<string, Column>;
  return columns as Omit<T['_']['columns'], 'search'>;
}

/** The rows of `table` with these ids, in no particular order (DataLoader batches). */
export async function rowsById<T extends PgTable & { id: Column }>(db: Database, table: T, ids: readonly number[]): Promise<Row<T>[]> {
  const rows: unknown = await db
    .select(rowColumns(table) as unknown as Record<string, PgColumn>)
    .from(table as PgTable)
    .where(inIds(table.id, ids));
  return rows as Row<T>[];
}

/** The row of `table` with this slug, or null. */
export async function rowBySlug<T extends PgTable & { slug: Column }>(db: Database, table: T, slug: string): Promise<Row<T> | null> {
  const rows: unknown[] = await db
    .select(rowColumns(table) as unknown as Record<string, PgColumn>)
    .from(table as PgTable)
    .where(eq(table.slug, slug))
    .limit(1);
  return (rows[0] as Row<T> | undefined) ?? null;
}

/**
 * A row from its `to_jsonb(...)` form: keys mapped to drizzle's property names and values through
 * each column's own driver mapping. JSON carries dates and arrays the same way on both drivers,
 * which is why nested queries return rows as jsonb.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>, omit: readonly string[] = []): Row<T> {
  const row: Record<string, unknown> = {};
  for (const { key, name, column } of jsonFields(table)) {
    // A column left out of the json (rowJson's `omit`) stays absent, never a false null.
    if (omit.length > 0 && omit.includes(key)) continue;
    const value = json[name];
    row[key] = value == null ? null : column.mapFromDriverValue(value);
  }
  return row as Row<T>;
}

/**
 * A row of `table` (aliased `alias` in the statement) as jsonb, in the shape rowFromJson reads:
 * the columns by their database names, without the search vector and the `omit`ted columns.
 * Naming the columns beats `to_jsonb(row)`, which would also turn the search vector into text
 * and copy a whole article body only for the statement to drop them.
 */
export function rowJson(table: Table, alias: string, omit: readonly string[] = []): SQL {
  // Rendered to text once per shape: the statement embeds it on every request, and drizzle
  // walking ~30 fragments per row shape per request showed in the profile.
  const key = `${alias}|${omit.join(',')}`;
  let byShape = rowJsonCache.get(table);
  if (!byShape) rowJsonCache.set(table, (byShape = new Map()));
  let text = byShape.get(key);
  if (text === undefined) {
    const pairs = jsonFields(table)
      .filter((f) => !omit.includes(f.key))
      .map((f) => `'${f.name}', ${quoteIdentifier(alias)}.${quoteIdentifier(f.name)}`);
    text = `jsonb_build_object(${pairs.join(', ')})`;
    byShape.set(key, text);
  }
  return sql.raw(text);
}

const rowJsonCache = new WeakMap<Table, Map<string, string>>();

/** An identifier as PostgreSQL quotes it (only ever our own table, alias and column names). */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

interface JsonField {
  /** drizzle's property name. */
  key: string;
  /** The column's name in the database, which `to_jsonb` uses. */
  name: string;
  column: Column;
}

/** Each table's fields, worked out once: rowFromJson runs for every row of every list. */
const jsonFieldsByTable = new WeakMap<Table, readonly JsonField[]>();

function jsonFields(table: Table): readonly JsonField[] {
  let fields = jsonFieldsByTable.get(table);
  if (!fields) {
    fields = Object.entries(rowColumns(table) as Record<string, Column>).map(([key, column]) => ({
      key,
      name: column.keyAsName ? toSnakeCase(key) : column.name,
      column,
    }));
    jsonFieldsByTable.set(table, fields);
  }
  return fields;
}
