/**
 * Page statements: one statement reads a page of a list under any number of parents (keyset
 * order, cursor window, counts), and with each page row the related pages and rows its request
 * asks to bring along, at any depth. SQL only: the schema layer turns a GraphQL selection into a
 * PageRequest, and the rows that come back into its types.
 *
 * Every level of a statement names its tables with fresh aliases (Aliases), so a list nested in
 * a list of the same table never shadows its parent, and sources are written against typed
 * drizzle columns rather than text conventions.
 */
import { type AnyColumn, getTableName, sql, type SQL, type SQLWrapper, Table } from 'drizzle-orm';
import { alias, type PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';
import { idArray, queryRows, rowFromJson, rowJson } from './rows.js';

/** How a sort key's values are written in SQL and checked when they come back in a cursor. */
export type KeyType = 'int' | 'date' | 'text' | 'numeric' | 'real';
export type KeyValue = string | number;

/** One key of a list's total order, over the rows `R` a scan exposes; never NULL (coalesce first). */
export interface SortKey<R> {
  type: KeyType;
  desc?: boolean;
  expr(rows: R): SQL;
}

/** A list's total order. `name` tags its cursors, so a cursor of one order is refused by another. */
export interface Ordering<R> {
  name: string;
  keys: readonly SortKey<R>[];
}

/** An entity table as lists return it: its type's name, and the columns left out of list rows. */
export interface NodeTable<T extends PgTable = PgTable> {
  type: string;
  table: T;
  /** drizzle property names not read with list rows (an article's body). */
  omit: readonly string[];
}

/** A node type's rows in a scan: the aliased table, and for a union the condition that tells it. */
export interface ScanNode {
  of: NodeTable;
  row: PgTable;
  when?: SQL;
}

/** The rows of a list under one parent, as FROM items and conditions over fresh aliases. */
export interface Scan<R> {
  rows: R;
  from: SQL;
  where: readonly SQL[];
  /** One per node type the list returns (more than one: a union), in ListSource.nodes' order. */
  nodes: readonly ScanNode[];
  /** The edge's own fields (a role, a mention) as jsonb. */
  edge?: SQL;
}

/** The page being read, for a source that narrows its candidates (ListSource.narrow). */
export interface PageScan<R> {
  window(rows: R): SQL;
  orderBy(rows: R): SQL;
  limit: number;
}

/** A condition a root list's statement checks, and the error when it is false (a slug naming nothing). */
export interface ListCheck {
  holds: SQL;
  error: () => Error;
}

export interface ListSource<R = unknown> {
  ordering: Ordering<R>;
  /** The node types, as the scan's `nodes` give them. */
  nodes: readonly NodeTable[];
  scan(aliases: Aliases, parent: SQL): Scan<R>;
  /**
   * FROM and conditions for the page's own read, replacing the scan's: candidates for that page
   * only (each branch of a union read in order and limited), exposing the same aliases, as long as
   * the page comes out the same. Counts and the rows-outside-the-window check use the plain scan.
   * `fresh` gives the scan again under new aliases, for the branches.
   */
  narrow?(page: PageScan<R>, scan: Scan<R>, fresh: () => Scan<R>, aliases: Aliases): { from: SQL; where: readonly SQL[] };
  /** Checked in a root list's statement (ListCheck). */
  checks?: readonly ListCheck[];
}

/** What to read of a list under each parent. */
export interface PageRequest {
  backward: boolean;
  size: number;
  after: readonly KeyValue[] | null;
  before: readonly KeyValue[] | null;
  /** Count every row of the list (costly for a long list: only when asked). */
  totalCount: boolean;
  /** Whether rows lie outside the cursor window (hasPreviousPage going forward, hasNextPage back). */
  outside: boolean;
  /** Related pages and rows read with each page row. */
  nested: readonly Nested[];
}

/** Something read with each page row of one node type, found in the row's `nested` by `key`. */
export type Nested = NestedPage | NestedRow;

interface NestedBase {
  key: string;
  /** The node type whose rows it belongs to. */
  type: string;
}

/** A page of a related list, its parent being the row's `parent(row)` (the row's id). */
export interface NestedPage extends NestedBase {
  kind: 'page';
  list: ListSource;
  parent(row: PgTable): SQLWrapper;
  request: PageRequest;
}

/** A related row (a quote's article): the node of `node` whose id is `id(row)`, with its own nested reads. */
export interface NestedRow extends NestedBase {
  kind: 'row';
  node: NodeTable;
  id(row: PgTable): SQLWrapper;
  nested: readonly Nested[];
}

/** A node as read: its type, its row (drizzle property names), what was read with it. */
export interface NodeResult {
  type: string;
  row: Record<string, unknown>;
  nested: ReadonlyMap<string, PageResult | NodeResult | null>;
}

export interface PageRowResult extends NodeResult {
  edge: Record<string, unknown> | null;
  /** The row's sort key values, for its cursor. */
  key: readonly KeyValue[];
}

export interface PageResult {
  rows: PageRowResult[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Hands out the aliases of one statement: every table and derived table gets its own name. */
export class Aliases {
  #next = 0;

  /** `table` under a fresh alias: its columns render qualified by it. */
  table<T extends PgTable>(table: T): T {
    return alias(table, this.name(getTableName(table).slice(0, 1))) as unknown as T;
  }

  name(base: string): string {
    this.#next += 1;
    return `${base}${this.#next}`;
  }
}

const ORIGINAL_NAME = (Table as unknown as { Symbol: { OriginalName: symbol } }).Symbol.OriginalName;

/** An aliased table as a FROM item: `"quotes" "q3"`. */
export function fromItem(row: PgTable): SQL {
  const original = (row as unknown as Record<symbol, string>)[ORIGINAL_NAME] ?? getTableName(row);
  return sql`${sql.identifier(original)} ${sql.identifier(getTableName(row))}`;
}

/** The alias of an aliased table, as SQL (`"q3"`), for `"q3".*` and whole-row expressions. */
export function aliasOf(row: PgTable): SQL {
  return sql`${sql.identifier(getTableName(row))}`;
}

/** The alias of an aliased table, as text (`q3`). */
export function aliasName(row: PgTable): string {
  return getTableName(row);
}

/** A node row as jsonb, in the shape rowFromJson reads (omitted columns left out). */
export function nodeJson(node: NodeTable, row: PgTable): SQL {
  return rowJson(node.table, getTableName(row), node.omit);
}

/** The conjunction of conditions; true when there are none. */
export function allOf(conditions: readonly SQL[]): SQL {
  return conditions.length === 0 ? sql`true` : sql.join([...conditions], sql` AND `);
}

/** A list of one table's rows, `where` saying which belong to a parent. */
export function tableList<T extends PgTable>(options: {
  node: NodeTable<T>;
  ordering: Ordering<{ node: T }>;
  where: (row: T, parent: SQL) => readonly SQL[];
  narrow?: ListSource<{ node: T }>['narrow'];
  checks?: readonly ListCheck[];
}): ListSource<{ node: T }> {
  const { node, ordering, where, narrow, checks } = options;
  return {
    ordering,
    nodes: [node],
    scan(aliases, parent) {
      const row = aliases.table(node.table);
      return { rows: { node: row }, from: fromItem(row), where: where(row, parent), nodes: [{ of: node, row }] };
    },
    ...(narrow ? { narrow } : {}),
    ...(checks ? { checks } : {}),
  };
}

/** A list of one table's rows through a link table, the edge's fields read from the link. */
export function linkList<T extends PgTable, L extends PgTable>(options: {
  node: NodeTable<T>;
  link: L;
  ordering: Ordering<{ node: T; link: L }>;
  /** The join of a node row to its link row. */
  on: (node: T, link: L) => SQL;
  /** The link rows of a parent. */
  where: (link: L, parent: SQL) => readonly SQL[];
  edge?: (link: L) => SQL;
}): ListSource<{ node: T; link: L }> {
  const { node, link, ordering, on, where, edge } = options;
  return {
    ordering,
    nodes: [node],
    scan(aliases, parent) {
      const row = aliases.table(node.table);
      const via = aliases.table(link);
      return {
        rows: { node: row, link: via },
        from: sql`${fromItem(row)} JOIN ${fromItem(via)} ON ${on(row, via)}`,
        where: where(via, parent),
        nodes: [{ of: node, row }],
        ...(edge ? { edge: edge(via) } : {}),
      };
    },
  };
}

/**
 * A list of one table's rows joined to their link rows grouped per row (the roles a speaker
 * holds in each organization): the edge's fields are aggregates over the group.
 */
export function groupedLinkList<T extends PgTable & { id: AnyColumn }, L extends PgTable>(options: {
  node: NodeTable<T>;
  link: L;
  ordering: Ordering<{ node: T }>;
  /** The link column that names the node row. */
  ref: (link: L) => AnyColumn;
  /** The link rows of a parent. */
  where: (link: L, parent: SQL) => readonly SQL[];
  /** The edge's fields as jsonb, aggregated over one node row's link rows. */
  edge: (link: L) => SQL;
}): ListSource<{ node: T }> {
  const { node, link, ordering, ref, where, edge } = options;
  return {
    ordering,
    nodes: [node],
    scan(aliases, parent) {
      const row = aliases.table(node.table);
      const via = aliases.table(link);
      const group = sql.identifier(aliases.name('g'));
      return {
        rows: { node: row },
        from: sql`${fromItem(row)} JOIN (
          SELECT ${ref(via)} AS ref, ${edge(via)} AS edge FROM ${fromItem(via)} WHERE ${allOf(where(via, parent))} GROUP BY ${ref(via)}
        ) ${group} ON ${group}.ref = ${row.id}`,
        where: [],
        nodes: [{ of: node, row }],
        edge: sql`${group}.edge`,
      };
    },
  };
}

/**
 * A list of one table's rows that match a condition its ordered index cannot serve (a full-text
 * search), beside other conditions (`others`). Walking the index in order until a page of matches
 * is found reads the whole index when nothing matches (seconds at a million rows); sorting every
 * match costs as much as there are matches (a common word: a tenth of the table). So the page's
 * read walks at most `walk` rows of the list in order and keeps the matches among them; only when
 * that leaves the page short and the walk was cut does it find the matches through the
 * condition's own index (GIN for a text search) and sort them, and they are then few (under one
 * in `walk / page size`). Both reads are in the statement, gated by one-time filters (evaluated
 * lazily, so the count of the walk runs only when the page came out short).
 */
/** Rows a text search walks in order before it looks its matches up in the text index. */
export const MATCH_WALK = 500;

export function matchingList<T extends PgTable & { id: AnyColumn }>(options: {
  node: NodeTable<T>;
  ordering: Ordering<{ node: T }>;
  match: (row: T) => SQL;
  others: (row: T) => readonly SQL[];
  checks?: readonly ListCheck[];
  walk?: number;
}): ListSource<{ node: T }> {
  const { node, ordering, match, others, checks, walk = MATCH_WALK } = options;
  const limitWalk = sql.raw(String(walk));
  return tableList({
    node,
    ordering,
    where: (row) => [match(row), ...others(row)],
    ...(checks ? { checks } : {}),
    narrow: (page, scan, _fresh, aliases) => {
      const walked = (row: T, columns: SQL) =>
        sql`SELECT ${columns} FROM ${fromItem(row)} WHERE ${allOf([...others(row), page.window({ node: row })])}
          ORDER BY ${page.orderBy({ node: row })} LIMIT ${limitWalk}`;
      const inWalk = aliases.table(node.table);
      const found = aliases.table(node.table);
      const w = sql.identifier(aliases.name('w'));
      const c = sql.identifier(aliases.name('c'));
      const full = sql`(SELECT count(*) FROM ${w}) >= ${page.limit}`;
      const cut = sql`(SELECT ${c}.cut FROM ${c})`;
      const sorted = aliases.table(node.table);
      const all = aliases.table(node.table);
      return {
        // OFFSET 0 plans the matches apart from the page's order and limit: through the
        // condition's index, not by walking the ordered one.
        from: sql`(WITH ${w} AS MATERIALIZED (
            SELECT ${aliasOf(found)}.* FROM (${walked(inWalk, sql`${aliasOf(inWalk)}.*`)}) ${aliasOf(found)}
            WHERE ${match(found)} ORDER BY ${page.orderBy({ node: found })} LIMIT ${page.limit}),
          -- Whether the walk stopped at its limit (counted only when the page came out short).
          ${c} AS MATERIALIZED (SELECT count(*) >= ${limitWalk} AS cut FROM (${walked(aliases.table(node.table), sql`1`)}) ${sql.identifier(aliases.name('x'))})
          (SELECT * FROM ${w} WHERE ${full} OR NOT ${cut})
          UNION ALL
          (SELECT ${aliasOf(sorted)}.* FROM (
              SELECT ${aliasOf(all)}.* FROM ${fromItem(all)} WHERE ${allOf([match(all), ...others(all)])} OFFSET 0) ${aliasOf(sorted)}
            WHERE NOT ${full} AND ${cut} AND ${page.window({ node: sorted })}
            ORDER BY ${page.orderBy({ node: sorted })} LIMIT ${page.limit})) ${aliasOf(scan.rows.node)}`,
        where: [],
      };
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Building the statement

/** Rows strictly after (or before) the cursor position in the ordering. */
function beyond<R>(keys: readonly SortKey<R>[], rows: R, values: readonly KeyValue[], side: 'after' | 'before'): SQL {
  const params = keys.map((key, i) => param(key.type, values[i] as KeyValue));
  const exprs = keys.map((key) => key.expr(rows));
  const op = (key: SortKey<R>) => sql.raw((side === 'after') !== Boolean(key.desc) ? '>' : '<');
  const first = keys[0] as SortKey<R>;
  if (keys.every((key) => Boolean(key.desc) === Boolean(first.desc))) {
    // One direction: a row comparison, which a btree index on the keys can serve.
    return sql`(${sql.join(exprs, sql`, `)}) ${op(first)} (${sql.join(params, sql`, `)})`;
  }
  const alternatives = keys.map((key, i) => {
    const equal = exprs.slice(0, i).map((expr, j) => sql`${expr} = ${params[j]}`);
    return sql.join([...equal, sql`${exprs[i]} ${op(key)} ${params[i]}`], sql` AND `);
  });
  return sql`((${sql.join(alternatives, sql`) OR (`)}))`;
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

function direction(key: { desc?: boolean }, backward: boolean): SQL {
  return sql.raw(Boolean(key.desc) !== backward ? 'DESC' : 'ASC');
}

function orderBy<R>(keys: readonly SortKey<R>[], rows: R, backward: boolean): SQL {
  return sql.join(
    keys.map((key) => sql`${key.expr(rows)} ${direction(key, backward)}`),
    sql`, `,
  );
}

/** The cursor window over `rows`, `true` without cursors. */
function windowOf<R>(keys: readonly SortKey<R>[], rows: R, request: PageRequest): SQL {
  const conditions: SQL[] = [];
  if (request.after) conditions.push(beyond(keys, rows, request.after, 'after'));
  if (request.before) conditions.push(beyond(keys, rows, request.before, 'before'));
  return allOf(conditions);
}

/** `CASE WHEN … THEN … END` over a scan's node types, or the one type's expression. */
function byType(nodes: readonly ScanNode[], expr: (node: ScanNode) => SQL | undefined): SQL | undefined {
  const parts = nodes.map((node) => ({ node, value: expr(node) }));
  if (parts.every((p) => p.value === undefined)) return undefined;
  if (parts.length === 1) return parts[0]?.value;
  const cases = parts.map((p) => sql`WHEN ${p.node.when ?? sql`true`} THEN ${p.value ?? sql`NULL::jsonb`}`);
  return sql`CASE ${sql.join(cases, sql` `)} END`;
}

/** The jsonb object of what a row of `node` type reads with it (Nested), or undefined for nothing. */
function nestedJson(nested: readonly Nested[], node: ScanNode, aliases: Aliases): SQL | undefined {
  const own = nested.filter((n) => n.type === node.of.type);
  if (own.length === 0) return undefined;
  const pairs = own.map(
    (n) => sql`${n.key}::text, ${n.kind === 'page' ? nestedPageJson(n, node.row, aliases) : nestedRowJson(n, node.row, aliases)}`,
  );
  return sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`;
}

/** A related row as `{ n: node, x: nested }`, null when there is none. */
function nestedRowJson(n: NestedRow, parentRow: PgTable, aliases: Aliases): SQL {
  const row = aliases.table(n.node.table);
  const scanNode: ScanNode = { of: n.node, row };
  const inner = nestedJson(n.nested, scanNode, aliases);
  return sql`(SELECT jsonb_build_object('n', ${nodeJson(n.node, row)}${inner ? sql`, 'x', ${inner}` : sql``})
    FROM ${fromItem(row)} WHERE ${(row as unknown as { id: SQL }).id} = ${n.id(parentRow)})`;
}

/** Columns of a page read: node, edge, nested and type, and each sort key (k0…, and as text c0…). */
interface PageRead {
  sql: SQL;
  keys: number;
}

/**
 * The page's own read under one parent: the rows in the window, in order, page size plus one.
 * verbatim_after_limit (migration 0002): the JSON and the nested reads are built for the page's
 * rows only, after ORDER BY … LIMIT, not for every candidate row.
 */
function pageRead<R>(list: ListSource<R>, scan: Scan<R>, request: PageRequest, aliases: Aliases, parent: SQL): PageRead {
  const { keys } = list.ordering;
  const page: PageScan<R> = {
    window: (rows) => windowOf(keys, rows, request),
    orderBy: (rows) => orderBy(keys, rows, request.backward),
    limit: request.size + 1,
  };
  const { from, where } = list.narrow ? list.narrow(page, scan, () => list.scan(aliases, parent), aliases) : scan;
  const node = byType(scan.nodes, (n) => nodeJson(n.of, n.row));
  const nested = byType(scan.nodes, (n) => nestedJson(request.nested, n, aliases));
  const type =
    scan.nodes.length > 1
      ? sql`CASE ${sql.join(
          scan.nodes.map((n) => sql`WHEN ${n.when ?? sql`true`} THEN ${n.of.type}::text`),
          sql` `,
        )} END`
      : sql`NULL::text`;
  const afterLimit = (json: SQL | undefined) => (json ? sql`verbatim_after_limit(${json})` : sql`NULL::jsonb`);
  const keyColumns = keys.map((key, i) => {
    const expr = key.expr(scan.rows);
    return sql`, ${expr} AS ${sql.raw(`k${i}`)}, (${expr})::text AS ${sql.raw(`c${i}`)}`;
  });
  return {
    keys: keys.length,
    sql: sql`SELECT ${afterLimit(node)} AS node, ${afterLimit(scan.edge)} AS edge, ${afterLimit(nested)} AS nested, ${type} AS type${sql.join(keyColumns)}
      FROM ${from}
      WHERE ${allOf([...where, page.window(scan.rows)])}
      ORDER BY ${page.orderBy(scan.rows)}
      LIMIT ${page.limit}`,
  };
}

/** Count of the list's rows, or NULL when not asked. */
function totalOf<R>(scan: Scan<R>, request: PageRequest): SQL {
  return request.totalCount ? sql`(SELECT count(*) FROM ${scan.from} WHERE ${allOf(scan.where)})::int` : sql`NULL::int`;
}

/** Whether rows lie outside the window on the `side` of its cursor. */
function outsideOf<R>(list: ListSource<R>, scan: Scan<R>, request: PageRequest, side: 'after' | 'before'): SQL {
  const values = side === 'after' ? request.after : request.before;
  if (!values || !request.outside) return sql`false`;
  const inside = beyond(list.ordering.keys, scan.rows, values, side);
  return sql`EXISTS (SELECT 1 FROM ${scan.from} WHERE ${allOf([...scan.where, sql`NOT ${inside}`])})`;
}

/** A related page as `{ r: rows, t: total, b: rows before, a: rows after }`. */
function nestedPageJson(n: NestedPage, parentRow: PgTable, aliases: Aliases): SQL {
  const parent = sql`${n.parent(parentRow)}`;
  const scan = n.list.scan(aliases, parent);
  const read = pageRead(n.list, scan, n.request, aliases, parent);
  const sub = sql.identifier(aliases.name('n'));
  const key = sql.join(
    Array.from({ length: read.keys }, (_, i) => sql`${sub}.${sql.raw(`c${i}`)}`),
    sql`, `,
  );
  const order = sql.join(
    n.list.ordering.keys.map((k, i) => sql`${sub}.${sql.raw(`k${i}`)} ${direction(k, n.request.backward)}`),
    sql`, `,
  );
  const row = sql`jsonb_build_object('n', ${sub}.node, 'e', ${sub}.edge, 'x', ${sub}.nested, 'y', ${sub}.type, 'k', jsonb_build_array(${key}))`;
  return sql`jsonb_build_object(
    'r', (SELECT coalesce(jsonb_agg(${row} ORDER BY ${order}), '[]'::jsonb) FROM (${read.sql}) ${sub}),
    't', ${totalOf(scan, n.request)},
    'b', ${outsideOf(n.list, scan, n.request, 'after')},
    'a', ${outsideOf(n.list, scan, n.request, 'before')})`;
}

// ---------------------------------------------------------------------------------------------
// Reading the rows back

type Json = Record<string, unknown>;

function fromText(type: KeyType, text: string): KeyValue {
  return type === 'int' ? Number(text) : text;
}

function nodeTableOf(list: { nodes: readonly NodeTable[] }, type: string | null | undefined): NodeTable {
  const node = type == null ? list.nodes[0] : list.nodes.find((n) => n.type === type);
  if (!node) throw new Error(`a page row of unknown type ${String(type)}`);
  return node;
}

function nestedResults(
  nested: readonly Nested[],
  type: string,
  json: Json | null | undefined,
): Map<string, PageResult | NodeResult | null> {
  const results = new Map<string, PageResult | NodeResult | null>();
  for (const n of nested) {
    if (n.type !== type) continue;
    const value = json?.[n.key] as Json | null | undefined;
    if (n.kind === 'page') results.set(n.key, value ? nestedPage(n, value) : emptyPage());
    else results.set(n.key, value ? nodeResult(n.node, value.n as Json, n.nested, value.x as Json | null) : null);
  }
  return results;
}

function nodeResult(node: NodeTable, json: Json, nested: readonly Nested[], nestedJson: Json | null | undefined): NodeResult {
  return { type: node.type, row: rowFromJson(node.table, json, node.omit), nested: nestedResults(nested, node.type, nestedJson) };
}

function emptyPage(): PageResult {
  return { rows: [], totalCount: 0, hasNextPage: false, hasPreviousPage: false };
}

interface RawRow {
  node: Json | null;
  edge: Json | null;
  nested: Json | null;
  type: string | null;
  key: readonly string[];
}

/** A page from its rows (page size plus one, to tell whether there is more), in the list's order. */
function assemble(
  list: ListSource,
  request: PageRequest,
  raw: readonly RawRow[],
  total: number,
  before: boolean,
  after: boolean,
): PageResult {
  const { keys } = list.ordering;
  let found = raw.filter((r) => r.node !== null);
  const more = found.length > request.size;
  found = found.slice(0, request.size);
  if (request.backward) found.reverse();
  const rows = found.map((r): PageRowResult => {
    const node = nodeTableOf(list, r.type);
    return {
      ...nodeResult(node, r.node as Json, request.nested, r.nested),
      edge: r.edge,
      key: keys.map((k, i) => fromText(k.type, r.key[i] as string)),
    };
  });
  return {
    rows,
    totalCount: total,
    hasNextPage: request.backward ? after : more,
    hasPreviousPage: request.backward ? more : before,
  };
}

function nestedPage(n: NestedPage, json: Json): PageResult {
  const raw = (json.r as Json[]).map((r) => ({
    node: r.n as Json | null,
    edge: r.e as Json | null,
    nested: r.x as Json | null,
    type: r.y as string | null,
    key: r.k as string[],
  }));
  return assemble(n.list, n.request, raw, (json.t as number | null) ?? 0, Boolean(json.b), Boolean(json.a));
}

interface TopRow extends Json {
  parent: number;
  total: number | null;
  has_before: boolean;
  has_after: boolean;
  node: Json | null;
  edge: Json | null;
  nested: Json | null;
  type: string | null;
}

/**
 * One page of `list` under each parent id, in one statement (a LATERAL read per parent, an index
 * range scan stopped by LIMIT). `parents` may be `[0]` for a root list whose scan ignores it.
 */
export async function loadPages<R>(
  db: Database,
  list: ListSource<R>,
  parents: readonly number[],
  request: PageRequest,
): Promise<PageResult[]> {
  if (parents.length === 0) return [];
  const aliases = new Aliases();
  const parent = sql`_parents.parent_id`;
  const scan = list.scan(aliases, parent);
  const read = pageRead(list, scan, request, aliases, parent);
  const checks = list.checks ?? [];
  const checkColumns = checks.map((check, i) => sql`, (${check.holds}) AS ${sql.raw(`check${i}`)}`);
  const order = sql.join(
    list.ordering.keys.map((k, i) => sql`_page.${sql.raw(`k${i}`)} ${direction(k, request.backward)}`),
    sql`, `,
  );
  const rows = await queryRows<TopRow>(
    db,
    sql`SELECT _parents.parent_id AS parent,
          ${totalOf(scan, request)} AS total,
          ${outsideOf(list, scan, request, 'after')} AS has_before,
          ${outsideOf(list, scan, request, 'before')} AS has_after${sql.join(checkColumns)},
          _page.*
        FROM unnest(${idArray(parents)}) AS _parents(parent_id)
        LEFT JOIN LATERAL (${read.sql}) AS _page ON true
        ORDER BY _parents.parent_id, ${order}`,
  );
  const failed = checks.findIndex((_check, i) => rows[0]?.[`check${i}`] === false);
  if (failed >= 0) throw (checks[failed] as ListCheck).error();
  const byParent = new Map<number, TopRow[]>();
  for (const row of rows) {
    const group = byParent.get(row.parent) ?? [];
    group.push(row);
    byParent.set(row.parent, group);
  }
  return parents.map((id) => {
    const group = byParent.get(id) ?? [];
    const first = group[0];
    const raw = group.map((r) => ({
      node: r.node,
      edge: r.edge,
      nested: r.nested,
      type: r.type,
      key: Array.from({ length: read.keys }, (_, i) => r[`c${i}`] as string),
    }));
    return assemble(list as ListSource, request, raw, first?.total ?? 0, Boolean(first?.has_before), Boolean(first?.has_after));
  });
}

/** One row of `node` that `where` picks (a root field by slug), with its nested reads; null when none. */
export async function loadRow<T extends PgTable>(
  db: Database,
  node: NodeTable<T>,
  where: (row: T) => SQL,
  nested: readonly Nested[],
): Promise<NodeResult | null> {
  const aliases = new Aliases();
  const row = aliases.table(node.table);
  const scanNode: ScanNode = { of: node, row };
  const inner = nestedJson(nested, scanNode, aliases);
  const rows = await queryRows<{ node: Json; nested: Json | null }>(
    db,
    sql`SELECT ${nodeJson(node, row)} AS node, ${inner ?? sql`NULL::jsonb`} AS nested FROM ${fromItem(row)} WHERE ${where(row)} LIMIT 1`,
  );
  const found = rows[0];
  return found ? nodeResult(node, found.node, nested, found.nested) : null;
}
