/**
 * Relay connections over SQL: argument checks, keyset cursors, and one statement that pages any
 * number of parents at once.
 *
 * A cursor encodes the values of the list's sort key (never an offset), so it still points at the
 * same place after rows are added. The statement pages each parent with a LATERAL subquery (an
 * index range scan per parent, stopped by LIMIT) and counts its rows in the same statement, so a
 * connection under a list of 50 parents costs one statement, like a connection under one.
 */
import { createContextCache } from '@pothos/core';
import type { PageInfoShape } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import { sql, type SQL, type Table } from 'drizzle-orm';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Database } from '../db/client.js';
import type { Context } from './context.js';
import { idArray, queryRows, rowJson } from '../db/rows.js';
import { builder } from './builder.js';
import { isIsoDate } from './dates.js';
import { badUserInput } from './errors.js';
import { fieldsAt, firstPageArgs, selectsField } from './selection.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** How a sort key's values are written in SQL and checked when they come back in a cursor. */
export type KeyType = 'int' | 'date' | 'text' | 'numeric' | 'real';
type KeyValue = string | number;

export interface SortKey {
  /** The key's SQL expression over the source's aliases; never NULL (coalesce first). */
  expr: SQL;
  type: KeyType;
  desc?: boolean;
}

/** A list's total order. `name` tags its cursors, so a cursor of one order is refused by another. */
export interface Ordering {
  name: string;
  keys: readonly SortKey[];
}

/**
 * What a connection lists. The node table is aliased `t` by convention, so orderings can be
 * shared between sources.
 */
export interface ListSource<Item> {
  ordering: Ordering;
  /**
   * `FROM … WHERE …` for the rows under one parent (`parent` is its id as SQL). With `page`,
   * for the page's own scan: a source may then narrow its rows to candidates for that page
   * (each branch of a union limited and ordered), as long as the page comes out the same.
   */
  from: (parent: SQL, page?: PageScan) => SQL;
  /** The node as jsonb. */
  node: SQL;
  /** The edge's own fields as jsonb (a role, a mention), when it has any. */
  edge?: SQL;
  /** The edge's shape, cursor aside, from the node and edge json. */
  toItem: (node: JsonObject, edge: JsonObject | null) => Item;
  /**
   * Related rows the page's statement fetches with each node when the query selects them (a
   * quote's article): node field name → a jsonb expression over `t`. They arrive in the node's
   * json under that name, instead of in a DataLoader's statement after the page.
   */
  include?: Readonly<Record<string, SQL>>;
  /**
   * Conditions checked in the page's statement, each with the error to throw when it is false
   * (a slug filter naming nothing): a root list resolves its filters without a statement of its own.
   */
  checks?: readonly ListCheck[];
  /**
   * Connections under each node the page's statement can fetch too (an event's participants),
   * when the query asks for their first page: field name → the child list. The child's `from`
   * receives the node's id as `t.id`, so it must not name its own table `t`.
   */
  nested?: Readonly<Record<string, ListSource<unknown>>>;
}

/** A condition a list's statement checks, and the error when it is false (ListSource.checks). */
export interface ListCheck {
  holds: SQL;
  error: () => Error;
}

/** Where loadPages leaves the pages of nested connections it fetched, on each node. */
const PREFETCHED = Symbol('prefetched connections');

export type JsonObject = Record<string, unknown>;

/** The page being read: rows in the cursor window, in the list's order, how many at most. */
export interface PageScan {
  /** The cursor window as a condition (`true` without cursors). */
  window: SQL;
  orderBy: SQL;
  limit: number;
}

/** The node of a source whose node table is `t`, as jsonb (the search vector left out). */
export function nodeJson(table: Table, omit?: readonly string[]): SQL {
  return rowJson(table, 't', omit);
}

/** The conjunction of filters; true when there are none. */
export function allOf(filters: readonly SQL[]): SQL {
  return filters.length === 0 ? sql`true` : sql.join([...filters], sql` AND `);
}

/** The rows of one table (aliased `t`) that `where` keeps under a parent, as plain nodes. */
export function tableList<Item>(
  table: Table,
  ordering: Ordering,
  toItem: (node: JsonObject) => Item,
  where: (parent: SQL) => SQL,
): ListSource<Item> {
  return { ordering, from: (parent) => sql`FROM ${table} t WHERE ${where(parent)}`, node: nodeJson(table), toItem };
}
export type Edge<Item> = Item & { cursor: string };

export interface Page<Item> {
  edges: Edge<Item>[];
  pageInfo: PageInfoShape;
  totalCount: number;
}

export interface ConnectionArgs {
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
}

export interface PageRequest {
  backward: boolean;
  size: number;
  after: KeyValue[] | null;
  before: KeyValue[] | null;
  /**
   * What the query asks beyond the page: counting every row of a big list (13,000 quotes of one
   * speaker, thousands of events in a month) costs far more than the page, so it is only done
   * for a query that selects `totalCount`, or the page-info flag that needs it.
   */
  wants: { totalCount: boolean; outside: boolean; include: readonly string[]; nested: readonly NestedPage[] };
}

/** A nested connection's first page, fetched with its parents' page. */
interface NestedPage {
  field: string;
  source: ListSource<unknown>;
  request: PageRequest;
}

/** What a connection field's selection asks beyond the page (fragments and aliases included). */
function wantsOf(source: ListSource<unknown>, info: GraphQLResolveInfo | undefined, backward: boolean): PageRequest['wants'] {
  // Everything when no query is at hand (a caller outside GraphQL); nothing to include, since
  // the related rows' own loaders still answer.
  if (!info) return { totalCount: true, outside: true, include: [], nested: [] };
  return {
    totalCount: selectsField(info, ['totalCount']),
    // The flag about rows outside the cursor window: hasPreviousPage going forward, hasNextPage back.
    outside: selectsField(info, ['pageInfo', backward ? 'hasNextPage' : 'hasPreviousPage']),
    include: Object.keys(source.include ?? {}).filter(
      (field) => selectsField(info, ['nodes', field]) || selectsField(info, ['edges', 'node', field]),
    ),
    nested: Object.entries(source.nested ?? {}).flatMap(([field, child]) => {
      // Only a connection asked for once, for its first page: its arguments are then the same
      // for every node, and the page is what its own loader would have read.
      const nodes = [...fieldsAt(info, ['nodes', field]), ...fieldsAt(info, ['edges', 'node', field])];
      const args = nodes.length === 1 ? firstPageArgs(nodes[0] as FieldNode, info) : undefined;
      if (!args) return [];
      const childInfo = { ...info, fieldNodes: nodes };
      try {
        const request = pageRequest(args, child, childInfo);
        return request.wants.outside || request.wants.include.length > 0 || request.wants.nested.length > 0
          ? []
          : [{ field, source: child, request }];
      } catch {
        return []; // A bad argument: the field's own resolver reports it.
      }
    }),
  };
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole list has (every page together).',
    resolve: (connection) => connection.totalCount,
  }),
);

/** Checks `first`/`last`/`after`/`before`; throws BAD_USER_INPUT naming the argument. */
export function pageRequest(args: ConnectionArgs, source: ListSource<unknown>, info?: GraphQLResolveInfo): PageRequest {
  const { ordering } = source;
  const { first, last } = args;
  if (first != null && last != null) {
    throw badUserInput('Pass either `first` or `last`, not both.', { argument: 'last' });
  }
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value == null) continue;
    if (value < 0) throw badUserInput(`\`${name}\` must not be negative (got ${value}).`, { argument: name });
    if (value > MAX_PAGE_SIZE) {
      throw badUserInput(`\`${name}\` must be at most ${MAX_PAGE_SIZE} (got ${value}).`, {
        argument: name,
        maximum: MAX_PAGE_SIZE,
      });
    }
  }
  return {
    backward: last != null,
    wants: wantsOf(source, info, last != null),
    size: last ?? first ?? DEFAULT_PAGE_SIZE,
    after: args.after == null ? null : decodeCursor(args.after, ordering, 'after'),
    before: args.before == null ? null : decodeCursor(args.before, ordering, 'before'),
  };
}

export function encodeCursor(ordering: Ordering, values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([ordering.name, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, ordering: Ordering, argument: string): KeyValue[] {
  const invalid = (why: string) => badUserInput(`Invalid cursor in \`${argument}\`: ${why}.`, { argument, cursor });
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid('not a cursor this API issued');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor this API issued');
  }
  if (!Array.isArray(decoded) || typeof decoded[0] !== 'string') throw invalid('not a cursor this API issued');
  const [name, ...values] = decoded as [string, ...unknown[]];
  if (name !== ordering.name) throw invalid(`it belongs to a list ordered as "${name}", not "${ordering.name}"`);
  if (values.length !== ordering.keys.length) throw invalid('not a cursor this API issued');
  return ordering.keys.map((key, i) => {
    const value = values[i];
    if (!validKeyValue(key.type, value)) throw invalid('not a cursor this API issued');
    return value;
  });
}

/** Only values the SQL can take: a bad one must be a client error, not a failed statement. */
function validKeyValue(type: KeyType, value: unknown): value is KeyValue {
  switch (type) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1;
    case 'date':
      return typeof value === 'string' && (value === 'infinity' || isIsoDate(value));
    case 'numeric':
      return typeof value === 'string' && /^-?[0-9]{1,15}(\.[0-9]{1,15})?$/.test(value);
    case 'real':
      // float4 as PostgreSQL prints it (shortest text that reads back exactly).
      return typeof value === 'string' && /^-?[0-9]{1,10}(\.[0-9]{1,10})?(e[+-]?[0-9]{1,2})?$/.test(value);
    case 'text':
      return typeof value === 'string' && value.length <= 1000 && !value.includes('\u0000');
  }
}

function param(type: KeyType, value: KeyValue): SQL {
  switch (type) {
    case 'int':
      return sql`${value}::int4`;
    case 'date':
      return sql`${value}::date`;
    case 'numeric':
      return sql`${value}::numeric`;
    case 'real':
      return sql`${value}::real`;
    case 'text':
      return sql`${value}::text`;
  }
}

function fromText(type: KeyType, text: string): KeyValue {
  return type === 'int' ? Number(text) : text;
}

/** Rows strictly after (or before) the cursor position in the ordering. */
function beyond(keys: readonly SortKey[], values: readonly KeyValue[], side: 'after' | 'before'): SQL {
  const params = keys.map((key, i) => param(key.type, values[i] as KeyValue));
  const op = (key: SortKey) => sql.raw((side === 'after') !== Boolean(key.desc) ? '>' : '<');
  const first = keys[0] as SortKey;
  if (keys.every((key) => Boolean(key.desc) === Boolean(first.desc))) {
    // One direction: a row comparison, which a btree index on the keys can serve.
    return sql`(${sql.join(
      keys.map((k) => k.expr),
      sql`, `,
    )}) ${op(first)} (${sql.join(params, sql`, `)})`;
  }
  const alternatives = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => sql`${k.expr} = ${params[j]}`);
    return sql.join([...equal, sql`${key.expr} ${op(key)} ${params[i]}`], sql` AND `);
  });
  return sql`((${sql.join(alternatives, sql`) OR (`)}))`;
}

function orderBy(keys: readonly SortKey[], backward: boolean, column?: (i: number) => SQL): SQL {
  return sql.join(
    keys.map((key, i) => sql`${column ? column(i) : key.expr} ${sql.raw(Boolean(key.desc) !== backward ? 'DESC' : 'ASC')}`),
    sql`, `,
  );
}

interface PageRow extends JsonObject {
  parent: number;
  total: number;
  has_before: boolean;
  has_after: boolean;
  node: JsonObject | null;
  edge: JsonObject | null;
}

/**
 * One page of `source` under each parent id, in one statement. `parents` may be `[0]` for a
 * root list whose `from` ignores the parent.
 */
export async function loadPages<Item>(
  db: Database,
  source: ListSource<Item>,
  parents: readonly number[],
  request: PageRequest,
): Promise<Page<Item>[]> {
  if (parents.length === 0) return [];
  const { keys } = source.ordering;
  const from = source.from(sql.raw('_parents.parent_id'));
  const window = [request.after && beyond(keys, request.after, 'after'), request.before && beyond(keys, request.before, 'before')].filter(
    (w): w is SQL => Boolean(w),
  );
  const inWindow = window.length > 0 ? sql` AND ${sql.join(window, sql` AND `)}` : sql``;
  const pageFrom = source.from(sql.raw('_parents.parent_id'), {
    window: window.length > 0 ? sql.join(window, sql` AND `) : sql`true`,
    orderBy: orderBy(keys, request.backward),
    limit: request.size + 1,
  });
  // Whether rows lie outside the window on either side (Relay's hasPreviousPage with `after`,
  // hasNextPage with `before`).
  const outside = (values: KeyValue[] | null, side: 'after' | 'before') =>
    values && request.wants.outside ? sql`EXISTS (SELECT 1 ${from} AND NOT ${beyond(keys, values, side)})` : sql`false`;
  const total = request.wants.totalCount ? sql`(SELECT count(*) ${from})::int` : sql`NULL::int`;
  const included = request.wants.include.flatMap((field) => {
    const expr = source.include?.[field];
    return expr ? [sql`${field}::text, ${expr}`] : [];
  });
  const nested = nestedJson(request);
  if (nested) included.push(sql`'__nested', ${nested}`);
  const node = included.length > 0 ? sql`(${source.node}) || jsonb_build_object(${sql.join(included, sql`, `)})` : source.node;
  const checks = source.checks ?? [];
  const checkColumns = checks.map((check, i) => sql`, (${check.holds}) AS ${sql.raw(`check${i}`)}`);
  const rows = await queryRows<PageRow>(
    db,
    sql`SELECT _parents.parent_id AS parent,
          ${total} AS total,
          ${outside(request.after, 'after')} AS has_before,
          ${outside(request.before, 'before')} AS has_after${sql.join(checkColumns)},
          _page.*
        FROM unnest(${idArray(parents)}) AS _parents(parent_id)
        LEFT JOIN LATERAL (
          SELECT ${pageColumns(source, node)}
          ${pageFrom}${inWindow}
          ORDER BY ${orderBy(keys, request.backward)}
          LIMIT ${request.size + 1}
        ) AS _page ON true
        ORDER BY _parents.parent_id, ${orderBy(keys, request.backward, (i) => sql.raw(`_page.k${i}`))}`,
  );
  const failed = checks.findIndex((_check, i) => rows[0]?.[`check${i}`] === false);
  if (failed >= 0) throw (checks[failed] as ListCheck).error();
  const byParent = new Map<number, PageRow[]>();
  for (const row of rows) {
    const group = byParent.get(row.parent) ?? [];
    group.push(row);
    byParent.set(row.parent, group);
  }
  return parents.map((parent) => assemble(source, request, byParent.get(parent) ?? []));
}

/** A page from its rows (the page size plus one, to tell whether there is more). */
function assemble<Item>(source: ListSource<Item>, request: PageRequest, group: readonly PageRow[]): Page<Item> {
  const { keys } = source.ordering;
  const first = group[0];
  let found = group.filter((row) => row.node !== null);
  const more = found.length > request.size;
  found = found.slice(0, request.size);
  if (request.backward) found.reverse();
  const edges = found.map((row) => {
    const item = source.toItem(row.node as JsonObject, row.edge);
    attachNested(item, request, (row.node as JsonObject).__nested as JsonObject | undefined);
    return {
      ...item,
      cursor: encodeCursor(
        source.ordering,
        keys.map((key, i) => fromText(key.type, row[`c${i}`] as string)),
      ),
    };
  });
  return {
    edges,
    totalCount: first?.total ?? 0,
    pageInfo: {
      hasNextPage: request.backward ? Boolean(first?.has_after) : more,
      hasPreviousPage: request.backward ? more : Boolean(first?.has_before),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The nested connections' pages (NestedPage) on the item's node, for their fields to find. */
function attachNested(item: unknown, request: PageRequest, json: JsonObject | undefined): void {
  const node = (item as { node?: unknown } | null)?.node;
  if (!json || request.wants.nested.length === 0 || typeof node !== 'object' || node === null) return;
  const pages = new Map<string, Page<unknown>>();
  for (const { field, source, request: childRequest } of request.wants.nested) {
    const fetched = json[field] as { rows: PageRow[]; total?: number } | undefined;
    if (!fetched) continue;
    const rows = fetched.rows.map((row) => ({ ...row, total: fetched.total ?? 0, has_before: false, has_after: false }));
    pages.set(field, assemble(source, childRequest, rows));
  }
  Object.defineProperty(node, PREFETCHED, { value: pages });
}

/** The page of `field` fetched with `node`'s own page, if it was. */
function prefetched(node: object, field: string): Page<unknown> | undefined {
  return (node as { [PREFETCHED]?: Map<string, Page<unknown>> })[PREFETCHED]?.get(field);
}

/**
 * A page row's columns: the node and the edge as jsonb, each sort key as itself (k0, k1, …, to
 * order by) and as text (c0, c1, …, for the cursor). verbatim_after_limit (migration 0002): the
 * JSON is built for the page's rows only, after ORDER BY … LIMIT, not for every candidate row.
 */
function pageColumns(source: ListSource<unknown>, node: SQL): SQL {
  const keys = source.ordering.keys.map((key, i) => sql`, ${key.expr} AS ${sql.raw(`k${i}`)}, (${key.expr})::text AS ${sql.raw(`c${i}`)}`);
  const edge = source.edge ? sql`verbatim_after_limit(${source.edge})` : sql`NULL::jsonb`;
  return sql`verbatim_after_limit(${node}) AS node, ${edge} AS edge${sql.join(keys)}`;
}

/** The SQL of the nested connections' first pages, as a jsonb object by field (see NestedPage). */
function nestedJson(request: PageRequest): SQL | undefined {
  if (request.wants.nested.length === 0) return undefined;
  const pairs = request.wants.nested.map(({ field, source, request: r }) => {
    const keys = source.ordering.keys;
    const parent = sql`t.id`;
    const row = sql`jsonb_build_object('node', n.node, 'edge', n.edge, ${sql.join(
      keys.map((_key, i) => sql.raw(`'c${i}', n.c${i}`)),
      sql`, `,
    )})`;
    const total = r.wants.totalCount ? sql`, 'total', (SELECT count(*) ${source.from(parent)})` : sql``;
    return sql`${field}::text, jsonb_build_object('rows', (
        SELECT coalesce(jsonb_agg(${row} ORDER BY ${orderBy(keys, false, (i) => sql.raw(`n.k${i}`))}), '[]'::jsonb)
        FROM (SELECT ${pageColumns(source, source.node)}
              ${source.from(parent)} ORDER BY ${orderBy(keys, false)} LIMIT ${r.size + 1}) n)${total})`;
  });
  return sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`;
}

/** A root list: one page of a source that has no parent. */
export async function loadPage<Item>(
  db: Database,
  source: ListSource<Item>,
  args: ConnectionArgs,
  info?: GraphQLResolveInfo,
): Promise<Page<Item>> {
  const [page] = await loadPages(db, source, [0], pageRequest(args, source, info));
  return page as Page<Item>;
}

/**
 * The resolver of a connection field nested under a parent. The page is loaded for every parent
 * at the same path at once (one DataLoader per path and request, so one statement whatever the
 * number of parents), unless it came with the parent's own page (ListSource.nested). Arguments
 * are checked first, so a bad cursor fails just that field.
 */
export function pagedBy<Item>(source: ListSource<Item>) {
  return {
    resolve: (parent: { id: number }, args: ConnectionArgs, ctx: Context, info: GraphQLResolveInfo): Page<Item> | Promise<Page<Item>> => {
      pageRequest(args, source);
      const fetched = prefetched(parent, info.fieldName);
      if (fetched) return fetched as Page<Item>;
      // Every parent at this path shares the field's arguments and selection: the first one's
      // `info` speaks for all.
      const loader =
        pathLoaders(ctx).get(pathKey(info.path)) ??
        newPathLoader(ctx, info, (ids) => loadPages(ctx.db, source, ids, pageRequest(args, source, info)));
      return loader.load(parent.id) as Promise<Page<Item>>;
    },
  };
}

type PageLoader = DataLoader<number, Page<unknown>>;

/** The request's page loaders by path (list indices left out: one loader for all the rows). */
const pathLoaders = createContextCache((_ctx: Context) => new Map<string, PageLoader>());

function newPathLoader(ctx: Context, info: GraphQLResolveInfo, load: (ids: readonly number[]) => Promise<Page<unknown>[]>): PageLoader {
  const loader: PageLoader = new DataLoader((ids) => load(ids));
  pathLoaders(ctx).set(pathKey(info.path), loader);
  return loader;
}

function pathKey(path: GraphQLResolveInfo['path'] | undefined): string {
  let key = '';
  for (let p = path; p; p = p.prev) key = `${typeof p.key === 'number' ? '*' : p.key}.${key}`;
  return key;
}

/**
 * An edge's own fields (a mention, roles, a rank). Pothos types every edge as `{ cursor, node }`;
 * the source's `toItem` put the rest there, so this is a typed view, not a conversion.
 */
export function edgeData<T>(edge: object): T {
  return edge as T;
}
