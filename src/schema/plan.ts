/**
 * From a GraphQL selection to a page request (src/db/pages.ts), and from the rows that come back
 * to the API's objects.
 *
 * A related field (a connection, or a single related row) declares in its extensions that it can
 * be read with its parent's row (`Prefetchable`); every list and root row whose node type has that
 * field honours it: the planner walks the selection under each node type, as execution will
 * (graphql-js's own collectSubfields), and adds what those fields ask for to the parent's
 * statement, at any depth. What was read is left on the parent's object under the field's
 * position: its definition and its field nodes, which (with the request's variables) is all its
 * answer depends on. A field whose position finds nothing there loads on its own.
 */
import type { SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
  type FieldNode,
  getArgumentValues,
  getNamedType,
  GraphQLError,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  isObjectType,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';
import type { PageInfoShape } from '@pothos/plugin-relay';
import type { ListSource, Nested, NodeResult, NodeTable, Ordering, PageRequest, PageResult, PageRowResult } from '../db/pages.js';
import { decodeCursor, encodeCursor } from './cursors.js';
import { badUserInput } from './errors.js';

export const MAX_PAGE_SIZE = 100;

/**
 * The most related pages and rows one statement reads with its own: past that, fields load
 * through their own loaders (the same rows, one more statement each level). A statement with
 * hundreds of nested reads takes PostgreSQL longer to plan than the statements it saves.
 */
export const MAX_PREFETCHES = 24;

/** What is left of MAX_PREFETCHES for the statement being planned. */
interface Budget {
  left: number;
}
export const DEFAULT_PAGE_SIZE = 20;

export interface ConnectionArgs {
  first?: number | null | undefined;
  last?: number | null | undefined;
  after?: string | null | undefined;
  before?: string | null | undefined;
}

/** A list as the API serves it: the rows' source, and how a row becomes an edge's item. */
export interface ListDef<Item extends { node: object }> {
  source: ListSource;
  item(row: PageRowResult): Item;
}

export type Edge<Item> = Item & { cursor: string };

export interface Page<Item> {
  edges: Edge<Item>[];
  pageInfo: PageInfoShape;
  totalCount: number;
}

/** What a related field declares it can be read with (field extensions, under PREFETCH). */
export type Prefetchable =
  | { kind: 'page'; parent: NodeTable; list: ListDef<{ node: object }> }
  | { kind: 'row'; parent: NodeTable; node: NodeTable; id(row: PgTable): SQLWrapper };

export const PREFETCH = 'verbatimPrefetch';

/** The operation a selection belongs to: GraphQLResolveInfo has all of it. */
export type Operation = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;

/** Something read with a parent row, and where its field will look for it. */
interface Prefetch {
  nested: Nested;
  position: string;
  convert(value: PageResult | NodeResult | null): unknown;
}

export interface PagePlan<Item extends { node: object }> {
  list: ListDef<Item>;
  request: PageRequest;
  prefetches: readonly Prefetch[];
}

/** The page window the arguments ask for; BAD_USER_INPUT naming the argument. */
export function pageWindow(args: ConnectionArgs, ordering: Ordering<unknown>): Pick<PageRequest, 'backward' | 'size' | 'after' | 'before'> {
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
    size: last ?? first ?? DEFAULT_PAGE_SIZE,
    after: args.after == null ? null : decodeCursor(args.after, ordering, 'after'),
    before: args.before == null ? null : decodeCursor(args.before, ordering, 'before'),
  };
}

function fieldType(type: GraphQLObjectType, field: string): GraphQLObjectType | undefined {
  const named = type.getFields()[field] && getNamedType(type.getFields()[field]?.type);
  return isObjectType(named) ? named : undefined;
}

/**
 * The plan of a connection field's page: its window, what its selection asks beyond the rows
 * (counting every row of a long list costs more than the page, so only when `totalCount` is
 * selected; likewise the check for rows outside the window), and what its nodes' fields read
 * with them. `fieldNodes` are the connection field's, `connection` its type.
 */
export function planPage<Item extends { node: object }>(
  list: ListDef<Item>,
  args: ConnectionArgs,
  fieldNodes: readonly FieldNode[],
  connection: GraphQLObjectType,
  op: Operation,
  budget: Budget = { left: MAX_PREFETCHES },
): PagePlan<Item> {
  const window = pageWindow(args, list.source.ordering);
  let totalCount = false;
  let outside = false;
  const positions: (readonly FieldNode[])[] = [];
  for (const nodes of subfields(op, connection, fieldNodes)) {
    const name = nodes[0]?.name.value;
    if (name === 'totalCount') totalCount = true;
    else if (name === 'nodes') positions.push(nodes);
    else if (name === 'pageInfo' || name === 'edges') {
      const type = fieldType(connection, name);
      if (!type) continue;
      for (const inner of subfields(op, type, nodes)) {
        const innerName = inner[0]?.name.value;
        if (innerName === 'node') positions.push(inner);
        // The flag about rows outside the cursor window: hasPreviousPage going forward, hasNextPage back.
        if (innerName === (window.backward ? 'hasNextPage' : 'hasPreviousPage')) outside = true;
      }
    }
  }
  const prefetches = planChildren(list.source.nodes, positions, op, budget);
  return { list, request: { ...window, totalCount, outside, nested: prefetches.map((p) => p.nested) }, prefetches };
}

/** What a single row's fields (the root field's selection, `fieldNodes`) read with it. */
export function planRow(node: NodeTable, fieldNodes: readonly FieldNode[], op: Operation): readonly Prefetch[] {
  return planChildren([node], [fieldNodes], op, { left: MAX_PREFETCHES });
}

function subfields(op: Operation, type: GraphQLObjectType, nodes: readonly FieldNode[]): Iterable<readonly FieldNode[]> {
  return collectSubfields(op.schema, op.fragments, op.variableValues, type, nodes).values();
}

/** The prefetchable fields selected at `positions` (field nodes whose selection holds them) of each node type. */
function planChildren(
  nodeTypes: readonly NodeTable[],
  positions: readonly (readonly FieldNode[])[],
  op: Operation,
  budget: Budget,
): Prefetch[] {
  const planned: Prefetch[] = [];
  const seen = new Set<string>();
  for (const node of nodeTypes) {
    const type = op.schema.getType(node.type);
    if (!isObjectType(type)) continue;
    for (const position of positions) {
      for (const childNodes of subfields(op, type, position)) {
        const field = type.getFields()[childNodes[0]?.name.value ?? ''];
        const declared = field?.extensions[PREFETCH] as Prefetchable | undefined;
        if (!field || !declared || declared.parent.table !== node.table) continue;
        const where = positionKey(type.name, field.name, childNodes);
        if (seen.has(where)) continue; // the same field nodes at two positions (a fragment in `nodes` and `edges`)
        seen.add(where);
        if (budget.left <= 0) return planned;
        budget.left -= 1;
        const prefetch = planPrefetch(
          declared,
          field,
          childNodes,
          op,
          { key: `p${planned.length}`, type: node.type, position: where },
          budget,
        );
        if (prefetch) planned.push(prefetch);
      }
    }
  }
  return planned;
}

function planPrefetch(
  declared: Prefetchable,
  field: GraphQLField<unknown, unknown>,
  fieldNodes: readonly FieldNode[],
  op: Operation,
  at: { key: string; type: string; position: string },
  budget: Budget,
): Prefetch | undefined {
  const target = getNamedType(field.type);
  if (!isObjectType(target)) return undefined;
  if (declared.kind === 'page') {
    let plan: PagePlan<{ node: object }>;
    try {
      const args = getArgumentValues(field, fieldNodes[0] as FieldNode, op.variableValues) as ConnectionArgs;
      plan = planPage(declared.list, args, fieldNodes, target, op, budget);
    } catch (error) {
      // A bad argument: the field's own resolver reports it, on its own path.
      if (error instanceof GraphQLError) return undefined;
      throw error;
    }
    const parentId = (row: PgTable) => (row as unknown as { id: SQLWrapper }).id;
    return {
      nested: { kind: 'page', key: at.key, type: at.type, list: declared.list.source, parent: parentId, request: plan.request },
      position: at.position,
      convert: (value) => toPage(plan, value as PageResult),
    };
  }
  const children = planChildren([declared.node], [fieldNodes], op, budget);
  return {
    nested: { kind: 'row', key: at.key, type: at.type, node: declared.node, id: declared.id, nested: children.map((c) => c.nested) },
    position: at.position,
    convert: (value) => (value ? toObject(value as NodeResult, children) : null),
  };
}

/** A page as the connection types expect it, with what its nodes' fields read left on the nodes. */
export function toPage<Item extends { node: object }>(plan: PagePlan<Item>, result: PageResult): Page<Item> {
  const { name } = plan.list.source.ordering;
  const edges = result.rows.map((row) => {
    const item = plan.list.item(row);
    attach(item.node, row, plan.prefetches);
    return { ...item, cursor: encodeCursor(name, row.key) };
  });
  return {
    edges,
    totalCount: result.totalCount,
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage: result.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A single row as its type expects it, with what its fields read left on it. */
export function toObject(result: NodeResult, prefetches: readonly Prefetch[]): object {
  attach(result.row, result, prefetches);
  return result.row;
}

function attach(object: object, result: NodeResult, prefetches: readonly Prefetch[]): void {
  for (const p of prefetches) {
    if (p.nested.type !== result.type) continue;
    store(object, p.position, p.convert(result.nested.get(p.nested.key) ?? null));
  }
}

// ---------------------------------------------------------------------------------------------
// Positions, and what was read for them

/** Ids of field nodes: a document's nodes are the same objects for every request that runs it. */
const fieldNodeIds = new WeakMap<FieldNode, number>();
let lastFieldNodeId = 0;

function fieldNodeId(node: FieldNode): number {
  let id = fieldNodeIds.get(node);
  if (id === undefined) {
    lastFieldNodeId += 1;
    id = lastFieldNodeId;
    fieldNodeIds.set(node, id);
  }
  return id;
}

/** A field at a position: its definition (type and name) and the field nodes asking for it. */
export function positionKey(type: string, field: string, nodes: readonly FieldNode[]): string {
  return `${type}.${field}:${nodes.map(fieldNodeId).join(',')}`;
}

/** The position of the field being resolved. */
export function positionOf(info: GraphQLResolveInfo): string {
  return positionKey(info.parentType.name, info.fieldName, info.fieldNodes);
}

/** Where a parent object keeps what its statement read for its fields, by position. */
const PREFETCHED = Symbol('read with the parent');

function store(object: object, position: string, value: unknown): void {
  const holder = object as { [PREFETCHED]?: Map<string, unknown> };
  let byPosition = holder[PREFETCHED];
  if (!byPosition) {
    byPosition = new Map();
    Object.defineProperty(object, PREFETCHED, { value: byPosition });
  }
  byPosition.set(position, value);
}

/** What the parent's statement read for the field being resolved; undefined when it read nothing. */
export function prefetched(parent: unknown, info: GraphQLResolveInfo): unknown {
  const byPosition = (parent as { [PREFETCHED]?: Map<string, unknown> } | null)?.[PREFETCHED];
  if (!byPosition) return undefined;
  const position = positionOf(info);
  return byPosition.has(position) ? byPosition.get(position) : undefined;
}
