/**
 * Every path to a connection gives the same answer. Generated from the schema: for every
 * connection field of every type, its answer for an entity, asked directly (the entity's root
 * field by slug, and `node(id)`), must equal its answer wherever the entity turns up under lists
 * and unions reached from every root field. At each place the field is asked four ways at once
 * (`first: 1` with counts, `first: 5` without, `first: 2, after:` a cursor, `last: 2`), and which
 * way answers under the field's own name rotates with the type and with the path, so a union's
 * members, and one field reached through different union branches, ask the same response key
 * with different arguments and selections. A new connection field or relation is covered without
 * writing a case for it. Runs on the seed corpus (participants mix speakers and organizations,
 * search mixes every type) and on the fixture corpus, on every database.
 */
import {
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { createApp, type App } from '../../src/server/app.js';
import { defaultConfig, DEFAULT_LIMITS } from '../../src/config.js';
import { describeEachDatabase, type DbSuite } from '../helpers/databases.js';
import { seedCorpus } from '../helpers/fixtures.js';
import { query } from '../helpers/graphql.js';

type Json = Record<string, unknown>;
type AnyField = GraphQLField<unknown, unknown>;

/** The longest path explored: a root field and this many more fields. */
const MAX_HOPS = 3;
/** Page size of every list a path goes through. */
const HOP_PAGE = 3;
/** Page size of root lists. */
const ROOT_PAGE = 6;
/** What `search(query:)` looks for: it must find entities of several types. */
const SEARCH_TEXT = 'Mexico';

const node = schema.getType('Node');
if (!isInterfaceType(node)) throw new Error('no Node interface');

function isConnection(field: AnyField): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields() && field.args.some((a) => a.name === 'first');
}

function possibleTypes(type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isAbstractType(type)) return schema.getPossibleTypes(type);
  return isObjectType(type) ? [type] : [];
}

function connectionOf(field: AnyField): GraphQLObjectType {
  return getNamedType(field.type) as GraphQLObjectType;
}

/** The types a field leads to: a connection's node types, or the field's own object types. */
function nextTypes(field: AnyField): readonly GraphQLObjectType[] {
  if (isConnection(field)) return possibleTypes(getNamedType(connectionOf(field).getFields().nodes!.type));
  return possibleTypes(getNamedType(field.type));
}

const connectionFields = (type: GraphQLObjectType) => Object.values(type.getFields()).filter(isConnection);
const isNodeType = (type: GraphQLObjectType) => type.getInterfaces().includes(node);

/** The types whose connection fields are compared: every type with one, which must be a Node. */
const COMPARED = Object.values(schema.getTypeMap()).filter(
  (t): t is GraphQLObjectType =>
    isObjectType(t) && t !== schema.getQueryType() && !t.name.startsWith('__') && connectionFields(t).length > 0,
);

/** The leaf fields of a type, and one level of leaf fields for its object fields (an edge's roles). */
function leaves(type: GraphQLObjectType, prefix: string, skip: readonly string[] = []): string {
  return Object.values(type.getFields())
    .filter((f) => !skip.includes(f.name) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => {
      const named = getNamedType(f.type);
      const alias = `${prefix}_${type.name}_${f.name}`;
      if (isLeafType(named)) return `${alias}: ${f.name}`;
      if (isObjectType(named) && !isNodeType(named)) return `${alias}: ${f.name} { ${leaves(named, prefix)} }`;
      return '';
    })
    .filter(Boolean)
    .join(' ');
}

interface Variant {
  name: string;
  args: (cursor: string | null) => string;
  counts: boolean;
}

/** The four ways each connection field is asked. */
const VARIANTS: readonly Variant[] = [
  { name: 'a', args: () => 'first: 1', counts: true },
  { name: 'b', args: () => 'first: 5', counts: false },
  { name: 'c', args: (cursor) => `first: 2, after: ${JSON.stringify(cursor)}`, counts: true },
  { name: 'd', args: () => 'last: 2', counts: true },
];

/** A connection field asked one way: rows, cursors and edge fields; counts and page info unless `counts` is off. */
function connectionSelection(field: AnyField, variant: Variant, cursor: string | null): string {
  const connection = connectionOf(field);
  const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  const counts = variant.counts ? 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }' : '';
  return `(${variant.args(cursor)}) { ${counts} edges { cursor ${leaves(edge, 'e', ['cursor', 'node'])} node { __typename ... on Node { id } } } }`;
}

const keyOf = (field: AnyField, variant: Variant, main: Variant) => (variant === main ? field.name : `${field.name}__${variant.name}`);

describeEachDatabase('every path to a connection gives the same answer', (suite) => {
  describe('on the seed corpus', () => differential(suite, async () => {}));
  describe('on the fixture corpus', () =>
    differential(suite, async (db) => {
      await seedCorpus(db);
    }));
});

function differential(suite: DbSuite, seed: (db: DbSuite['db']) => Promise<void>) {
  let app: App;
  /** Each compared entity by global id: its type, slug, and its answers by field and variant. */
  const direct = new Map<string, { type: GraphQLObjectType; slug: string | null; answers: Record<string, Json> }>();
  /** For each connection field ("Type.field"), a cursor of one of its lists, for `after`. */
  const cursors = new Map<string, string | null>();

  /** The root field that returns one `type` by slug. */
  const bySlug = (type: GraphQLObjectType) =>
    Object.values(schema.getQueryType()!.getFields()).find(
      (f) => getNamedType(f.type) === type && f.args.length === 1 && f.args[0]!.name === 'slug',
    );

  /** Asks every connection field of an entity every way, by `root` (a root field's selection). */
  async function directAnswers(type: GraphQLObjectType, root: string, variants: readonly Variant[]): Promise<Json> {
    const fields = connectionFields(type).flatMap((f) =>
      variants.map((v) => `${f.name}__${v.name}: ${f.name}${connectionSelection(f, v, cursors.get(`${type.name}.${f.name}`) ?? null)}`),
    );
    const data = await query(app, `{ entity: ${root} { ... on ${type.name} { ${fields.join(' ')} } } }`);
    return data.entity as Json;
  }

  beforeAll(async () => {
    await seed(suite.db);
    // Deep queries with every connection asked four ways: the request limits are tested apart.
    app = createApp({
      db: suite.db,
      // The request deadline too (tested apart): these queries are huge, and CI machines slow.
      config: defaultConfig({
        limits: { ...DEFAULT_LIMITS, depth: 50, cost: 1e9, aliases: 1e6, tokens: 1e7, bodyBytes: 1e8 },
        requestTimeoutMs: 600_000,
      }),
    });
    // Every compared entity, from the root list of its type.
    for (const type of COMPARED) {
      const list = Object.values(schema.getQueryType()!.getFields()).find(
        (f) => isConnection(f) && nextTypes(f).length === 1 && nextTypes(f)[0] === type && !f.args.some((a) => isNonNullType(a.type)),
      );
      if (!list) throw new Error(`no root list of ${type.name}`);
      const slug = 'slug' in type.getFields() ? 'slug' : '';
      const data = await query(app, `{ list: ${list.name}(first: 100) { totalCount nodes { id ${slug} } } }`);
      const page = data.list as { totalCount: number; nodes: { id: string; slug?: string }[] };
      expect(page.totalCount, `${list.name} fits one page`).toBeLessThanOrEqual(100);
      for (const n of page.nodes) direct.set(n.id, { type, slug: n.slug ?? null, answers: {} });
    }
    // First the ways without a cursor; then a cursor per field from the longest list found.
    // Fetched by id (the node loader), so each connection loads through its own field's loader.
    await answerAll(VARIANTS.filter((v) => v.name !== 'c'));
    for (const type of COMPARED) {
      for (const field of connectionFields(type)) {
        let best: { edges: { cursor: string }[] } | undefined;
        for (const entity of direct.values()) {
          const page = entity.type === type ? (entity.answers[`${field.name}__b`] as { edges: { cursor: string }[] }) : undefined;
          if (page && page.edges.length > (best?.edges.length ?? 0)) best = page;
        }
        cursors.set(`${type.name}.${field.name}`, best?.edges[0]?.cursor ?? null);
      }
    }
    await answerAll(VARIANTS.filter((v) => v.name === 'c'));
  }, 600_000);

  /** Every compared entity's answers, asked of all entities of a type at once through `nodes(ids:)`. */
  async function answerAll(variants: readonly Variant[]) {
    for (const type of COMPARED) {
      const ids = [...direct].filter(([, e]) => e.type === type).map(([id]) => id);
      for (let i = 0; i < ids.length; i += 50) {
        const fields = connectionFields(type).flatMap((f) =>
          variants.map((v) => `${f.name}__${v.name}: ${f.name}${connectionSelection(f, v, cursors.get(`${type.name}.${f.name}`) ?? null)}`),
        );
        const data = await query(
          app,
          `{ entities: nodes(ids: ${JSON.stringify(ids.slice(i, i + 50))}) { ... on ${type.name} { id ${fields.join(' ')} } } }`,
        );
        for (const { id, ...answers } of data.entities as { id: string }[]) Object.assign(direct.get(id)!.answers, answers);
      }
    }
  }

  it('compares every connection field of every type with a Node id, on entities that have rows', () => {
    const types = new Set([...direct.values()].map((e) => e.type.name));
    expect([...types].sort()).toEqual(COMPARED.map((t) => t.name).sort());
    for (const type of COMPARED) {
      for (const field of connectionFields(type)) {
        const withRows = [...direct.values()].filter(
          (e) => e.type === type && (e.answers[`${field.name}__a`] as { totalCount: number }).totalCount > 0,
        );
        expect(withRows.length, `${type.name}.${field.name} has rows somewhere`).toBeGreaterThan(0);
      }
    }
  });

  it("an entity's root field by slug, and node(id), answer what nodes(ids:) answers", async () => {
    for (const [id, entity] of direct) {
      const root = bySlug(entity.type);
      if (!root || entity.slug === null) continue;
      const answers = await directAnswers(entity.type, `${root.name}(slug: ${JSON.stringify(entity.slug)})`, VARIANTS);
      expect(answers, `${entity.type.name} ${entity.slug} (${id})`).toEqual(entity.answers);
      expect(await directAnswers(entity.type, `node(id: ${JSON.stringify(id)})`, VARIANTS), `node(id: ${id})`).toEqual(entity.answers);
    }
  }, 600_000);

  /** Paths from a position, as a tree: `end` where a type there has connections; `next` by field name. */
  interface Tree {
    end: boolean;
    next: Map<string, Tree>;
  }

  /** The paths from a position holding `types`, up to MAX_HOPS fields from the root. */
  function tree(types: readonly GraphQLObjectType[], hops: number): Tree | undefined {
    const here: Tree = { end: types.some((t) => connectionFields(t).length > 0), next: new Map() };
    if (hops < MAX_HOPS) {
      const hopFields = types.flatMap((t) =>
        Object.values(t.getFields()).filter((f) => nextTypes(f).length > 0 && f.args.every((a) => !isNonNullType(a.type))),
      );
      for (const name of new Set(hopFields.map((f) => f.name))) {
        const next = [...new Set(types.flatMap((t) => (t.getFields()[name] ? nextTypes(t.getFields()[name]!) : [])))];
        const sub = tree(next, hops + 1);
        if (sub) here.next.set(name, sub);
      }
    }
    return here.end || here.next.size > 0 ? here : undefined;
  }

  /** The selection at a position holding `types`, along `paths`; `salt` varies with the way taken. */
  function selection(types: readonly GraphQLObjectType[], paths: Tree, salt: number, depth: number): string {
    return types
      .map((type, i) => {
        const parts = ['__typename'];
        if (isNodeType(type)) parts.push('id');
        const turn = salt * 7 + i;
        if (paths.end && connectionFields(type).length > 0) {
          const main = VARIANTS[turn % VARIANTS.length]!;
          parts.push(`main_${main.name}: __typename`);
          for (const field of connectionFields(type)) {
            const cursor = cursors.get(`${type.name}.${field.name}`) ?? null;
            for (const v of VARIANTS) parts.push(`${keyOf(field, v, main)}: ${field.name}${connectionSelection(field, v, cursor)}`);
          }
        }
        for (const [name, sub] of paths.next) {
          const field = type.getFields()[name];
          if (!field) continue;
          // One alias per field name and type returned: union members with the same field share it
          // (and so one response path), while `speakers` as a list and as a connection do not clash.
          const alias = `h_${field.name}_${getNamedType(field.type).name}`;
          const inner = selection(nextTypes(field), sub, turn + 1, depth + 1);
          if (isConnection(field)) {
            const through = depth % 2 === 0 ? `nodes { ${inner} }` : `edges { node { ${inner} } }`;
            parts.push(`${alias}: ${field.name}(first: ${HOP_PAGE}) { ${through} }`);
          } else {
            parts.push(`${alias}: ${field.name} { ${inner} }`);
          }
        }
        return `... on ${type.name} { ${parts.join(' ')} }`;
      })
      .join(' ');
  }

  /** Root fields with the arguments they need, each a way into the graph. */
  function roots(): { field: AnyField; call: string; types: readonly GraphQLObjectType[] }[] {
    /** The ids of a type's entities, those with the most related rows first. */
    const ranked = (type: GraphQLObjectType) => {
      const rows = (e: { answers: Record<string, Json> }) =>
        Object.values(e.answers).reduce<number>((n, a) => n + ((a as { totalCount?: number }).totalCount ?? 0), 0);
      return [...direct]
        .filter(([, e]) => e.type === type)
        .sort(([, a], [, b]) => rows(b) - rows(a))
        .map(([id]) => id);
    };
    const richest = (type: GraphQLObjectType) => {
      const id = ranked(type)[0];
      return id === undefined ? undefined : ([id, direct.get(id)!] as const);
    };
    const entries: { field: AnyField; call: string; types: readonly GraphQLObjectType[] }[] = [];
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const required = field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name);
      const type = getNamedType(field.type);
      const types = nextTypes(field);
      if (required.length === 0)
        entries.push({ field, types, call: isConnection(field) ? `${field.name}(first: ${ROOT_PAGE})` : field.name });
      else if (required.join() === 'slug' && isObjectType(type)) {
        const best = richest(type);
        if (best?.[1].slug) entries.push({ field, types, call: `${field.name}(slug: ${JSON.stringify(best[1].slug)})` });
      } else if (required.join() === 'id') {
        for (const t of COMPARED) {
          const best = richest(t);
          // Only the id's own type can turn up there.
          if (best) entries.push({ field, types: [t], call: `${field.name}(id: ${JSON.stringify(best[0])})` });
        }
      } else if (required.join() === 'ids') {
        // Mixed types, the richest two of each.
        const ids = COMPARED.flatMap((t) => ranked(t).slice(0, 2));
        entries.push({ field, types, call: `${field.name}(ids: ${JSON.stringify(ids)})` });
      } else if (required.join() === 'query')
        entries.push({ field, types, call: `${field.name}(query: ${JSON.stringify(SEARCH_TEXT)}, first: ${ROOT_PAGE})` });
      else throw new Error(`the differential test does not know how to call Query.${field.name}(${required.join(', ')})`);
    }
    return entries;
  }

  /** Compares every connection answer found in `data` with the direct one; returns the mismatches. */
  function compare(data: unknown, where: string, out: string[], seen: { count: number }): void {
    if (Array.isArray(data)) {
      data.forEach((d) => compare(d, where, out, seen));
      return;
    }
    if (!data || typeof data !== 'object') return;
    const object = data as Json;
    const main = Object.keys(object).find((k) => k.startsWith('main_'));
    if (main && typeof object.id === 'string') {
      const entity = direct.get(object.id);
      if (!entity) throw new Error(`${where}: ${object.id} is not a compared entity`);
      const mainVariant = VARIANTS.find((v) => `main_${v.name}` === main)!;
      for (const field of connectionFields(entity.type)) {
        for (const v of VARIANTS) {
          seen.count += 1;
          const got = object[keyOf(field, v, mainVariant)];
          const expected = entity.answers[`${field.name}__${v.name}`];
          if (JSON.stringify(got) !== JSON.stringify(expected)) {
            out.push(
              `${where}: ${entity.type.name} ${entity.slug ?? object.id} .${field.name}(${v.args(cursors.get(`${entity.type.name}.${field.name}`) ?? null)}) as "${keyOf(field, v, mainVariant)}":\n  got      ${JSON.stringify(got)?.slice(0, 400)}\n  expected ${JSON.stringify(expected)?.slice(0, 400)}`,
            );
          }
        }
      }
    }
    for (const value of Object.values(object)) compare(value, where, out, seen);
  }

  it('every connection answers the same under every list and union that leads to it', async () => {
    const mismatches: string[] = [];
    const seen = { count: 0 };
    let documents = 0;
    for (const root of roots()) {
      const paths = tree(root.types, 1);
      if (!paths) continue;
      // One document per way out of the root (validation's overlap check grows with the square of a document).
      const parts: Tree[] = [
        ...(paths.end ? [{ end: true, next: new Map() }] : []),
        ...[...paths.next].map(([name, sub]) => ({ end: false, next: new Map([[name, sub]]) })),
      ];
      for (const part of parts) {
        const inner = selection(root.types, part, documents, 1);
        const document = isConnection(root.field) ? `{ r: ${root.call} { nodes { ${inner} } } }` : `{ r: ${root.call} { ${inner} } }`;
        documents += 1;
        compare(await query(app, document), `${root.call} → ${[...part.next.keys()].join('') || '(here)'}`, mismatches, seen);
      }
    }
    expect(mismatches.slice(0, 20).join('\n\n'), `${mismatches.length} of ${seen.count} answers differ`).toBe('');
    // The comparison itself must have run: many answers, through many documents.
    expect(documents).toBeGreaterThan(10);
    expect(seen.count).toBeGreaterThan(1000);
  }, 600_000);
}
