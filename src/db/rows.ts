import { type Column, eq, getTableColumns, inArray, type SQL, type Table } from 'drizzle-orm';
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
    .where(inArray(table.id, [...ids]));
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
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): Row<T> {
  const row: Record<string, unknown> = {};
  for (const { key, name, column } of jsonFields(table)) {
    const value = json[name];
    row[key] = value == null ? null : column.mapFromDriverValue(value);
  }
  return row as Row<T>;
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
