/** Helpers that define GraphQL types from the drizzle model: enums from pgEnums, nodes from tables. */
import type { Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { NodeTable } from '../db/pages.js';
import { rowsById, type Row } from '../db/rows.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import type { NodeTypeName } from './ids.js';

/** A GraphQL enum with the values of a pgEnum, in its order, each described. */
export function enumOf<const V extends string>(name: string, description: string, values: readonly V[], descriptions: Record<V, string>) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((v) => [v, { description: descriptions[v] }])) as Record<V, { description: string }>,
  });
}

/**
 * A Relay node backed by a table: global id from `id`, loaded by a per-request DataLoader (one
 * statement per batch; a missing id gives null). Rows a list already returned prime the loader.
 */
export function tableNode<T extends PgTable & { id: Column }, R extends { id: number } = Row<T> & { id: number }>(
  name: NodeTypeName,
  table: T,
) {
  return builder.loadableNodeRef(name, {
    id: { resolve: (row: R) => row.id, parse: (id: string) => Number(id) },
    // A full row is always an R (R may only make columns optional, as ArticleData's body).
    load: (ids: number[], ctx: Context) => rowsById(ctx.db, table, ids) as Promise<unknown[]> as Promise<R[]>,
    toKey: (row: R) => row.id,
    sort: true,
    cacheResolved: true,
  });
}

/** A node type's table as page statements read it (src/db/pages.ts): `omit` columns stay out of list rows. */
export function nodeTable<T extends PgTable & { id: Column }>(
  type: NodeTypeName,
  table: T,
  omit: readonly (keyof T['$inferSelect'] & string)[] = [],
): NodeTable<T> {
  return { type, table, omit };
}
