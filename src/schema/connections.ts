/**
 * Relay connections and related rows, as fields: each field owns its loading.
 *
 * A related field's loader belongs to the request and to the field's definition, one per
 * position (the field nodes asking for it), so parents at one position share one statement
 * whatever their number, and a union's `Speaker.events` never answers for `Organization.events`.
 * The field also declares that its page (or its row) can be read with its parent's own page
 * (src/schema/plan.ts): then it takes what that statement read, and loads nothing.
 */
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { loadPages, loadRow, type NodeTable } from '../db/pages.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import {
  type ConnectionArgs,
  type ListDef,
  type Page,
  pageWindow,
  planPage,
  planRow,
  PREFETCH,
  prefetched,
  type Prefetchable,
  positionOf,
  toObject,
  toPage,
} from './plan.js';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './plan.js';
export type { ConnectionArgs, Edge, ListDef, Page } from './plan.js';

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list has (every page together).',
    resolve: (connection) => connection.totalCount,
  }),
);

function connectionType(info: GraphQLResolveInfo): GraphQLObjectType {
  return getNamedType(info.returnType) as GraphQLObjectType;
}

/** A root list: one page of a source that has no parent, in one statement with what its nodes' fields read. */
export async function rootPage<Item extends { node: object }>(
  list: ListDef<Item>,
  args: ConnectionArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<Page<Item>> {
  const plan = planPage(list, args, info.fieldNodes, connectionType(info), info);
  const [page] = await loadPages(ctx.db, list.source, [0], plan.request);
  return toPage(plan, page ?? { rows: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false });
}

/** A root field's single row (by slug), with what its fields read, in one statement; null when none. */
export async function rootRow<T extends PgTable, Shape>(
  node: NodeTable<T>,
  where: (row: T) => SQL,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<Shape | null> {
  const prefetches = planRow(node, info.fieldNodes, info);
  const found = await loadRow(
    ctx.db,
    node,
    where,
    prefetches.map((p) => p.nested),
  );
  return found ? (toObject(found, prefetches) as Shape) : null;
}

/**
 * The options of a connection field of a relation (`args` and `type` aside): its page under the
 * parent (a row of `parent`'s table, keyed by its id) comes with the parent's page when the
 * parent was read by a list or a root row; otherwise from the field's own loader.
 */
export function relatedConnection<Item extends { node: object }>(list: ListDef<Item>, parent: NodeTable) {
  const loaders = createContextCache((_ctx: Context) => new Map<string, DataLoader<number, Page<Item>>>());
  const declared: Prefetchable = { kind: 'page', parent, list };
  return {
    extensions: { [PREFETCH]: declared },
    resolve: (row: { id: number }, args: ConnectionArgs, ctx: Context, info: GraphQLResolveInfo): Page<Item> | Promise<Page<Item>> => {
      // Arguments first, so a bad cursor fails this field on every path.
      pageWindow(args, list.source.ordering);
      const fetched = prefetched(row, info);
      if (fetched !== undefined) return fetched as Page<Item>;
      const byPosition = loaders(ctx);
      const position = positionOf(info);
      let loader = byPosition.get(position);
      if (!loader) {
        // Every parent at this position has the same field nodes and arguments: one plan for all.
        const plan = planPage(list, args, info.fieldNodes, connectionType(info), info);
        loader = new DataLoader(async (ids) => (await loadPages(ctx.db, list.source, ids, plan.request)).map((page) => toPage(plan, page)));
        byPosition.set(position, loader);
      }
      return loader.load(row.id);
    },
  };
}

/**
 * The extensions of a field returning one related row (a quote's article): the row of `node`
 * whose id is `id(parent row)` can come with the parent's page. Its resolver takes it with
 * `prefetchedRow` and otherwise returns the id for the node's loader.
 */
export function relatedRow<P extends PgTable>(parent: NodeTable<P>, node: NodeTable, id: (row: P) => SQLWrapper) {
  const declared: Prefetchable = { kind: 'row', parent, node, id: id as (row: PgTable) => SQLWrapper };
  return { [PREFETCH]: declared };
}

/** The related row the parent's statement read for this field; undefined when it read none. */
export function prefetchedRow<Shape>(parent: object, info: GraphQLResolveInfo): Shape | null | undefined {
  return prefetched(parent, info) as Shape | null | undefined;
}

/**
 * An edge's own fields (a mention, roles, a rank). Pothos types every edge as `{ cursor, node }`;
 * the list's `item` put the rest there, so this is a typed view, not a conversion.
 */
export function edgeData<T>(edge: object): T {
  return edge as T;
}
