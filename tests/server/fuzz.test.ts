/**
 * Fuzzing the endpoint: thousands of generated and mutated operations and variables. Operations
 * are generated from the schema itself (so every field and argument is covered as the API grows),
 * with hostile argument values; some are then mutated character by character. Whatever comes in,
 * the answer is never a 5xx, never a crash, and never leaks a stack trace or SQL.
 */
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { createApp, type App } from '../../src/server/app.js';
import { corpusVersionOf } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_500);

const hostileStrings = [
  '',
  ' ',
  'claudia-sheinbaum',
  'trump-orders-pentagon-military-force-cartels',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '99999-01-01',
  '2025-08-12',
  '1900-01-01',
  "'; DROP TABLE quotes; --",
  '%',
  '_',
  '\\',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '🦜'.repeat(50),
  'Sheinbam',
  'x'.repeat(5_000),
  'QXJ0aWNsZTox',
  'QXJ0aWNsZTo5OTk5OTk5OTk5OTk=',
  'U3BlYWtlcjotMQ==',
  'bm90LWFuLWlk',
  '!!!',
  'null',
];
const hostileInts = [0, 1, -1, 2, 20, 100, 101, 1_000, -2_147_483_648, 2_147_483_647];

const stringArb = fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
const intArb = fc.oneof(fc.constantFrom(...hostileInts), fc.integer());

/** A literal for an argument of this type, sometimes of the wrong type on purpose. */
function valueArb(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const inner = getNullableType(type);
  if (isListType(inner)) return fc.array(valueArb(inner.ofType as GraphQLInputType, depth + 1), { maxLength: 4 });
  const named = getNamedType(inner);
  const wrong = fc.oneof(stringArb, intArb, fc.constant(null), fc.boolean());
  if (isEnumType(named)) return fc.oneof(fc.constantFrom(...named.getValues().map((v) => ({ enum: v.name }))), wrong);
  if (isInputObjectType(named) && depth < 2) {
    const fields = Object.values(named.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueArb(f.type, depth + 1)])), { requiredKeys: [] });
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
      case 'Float':
        return fc.oneof({ weight: 4, arbitrary: intArb }, { weight: 1, arbitrary: wrong });
      case 'Boolean':
        return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: wrong });
      default:
        return fc.oneof({ weight: 4, arbitrary: stringArb }, { weight: 1, arbitrary: wrong });
    }
  }
  return wrong;
}

/** Prints a generated value as a GraphQL literal. */
function literal(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value && 'enum' in value) return String((value as { enum: string }).enum);
  if (typeof value === 'object' && value) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

interface Generated {
  query: string;
  variables: Record<string, unknown>;
}

/** A random selection on `type`, up to `depth` levels, with arguments as literals or variables. */
function selectionArb(
  s: GraphQLSchema,
  type: GraphQLNamedType,
  depth: number,
  vars: { n: number },
): fc.Arbitrary<{ text: string; defs: string[]; values: Record<string, unknown> }> {
  if (!(isObjectType(type) || isInterfaceType(type))) {
    if (isUnionType(type)) return fc.constant({ text: '{ __typename }', defs: [], values: {} });
    return fc.constant({ text: '', defs: [], values: {} });
  }
  const fields = Object.values(type.getFields());
  const fieldArb = fc.constantFrom(...fields).chain((field) => {
    const argArbs = field.args.map((arg: GraphQLArgument) =>
      fc.tuple(fc.constant(arg), fc.option(valueArb(arg.type), { nil: undefined, freq: 3 }), fc.boolean()),
    );
    const namedType = getNamedType(field.type);
    const childArb =
      depth > 0 && (isObjectType(namedType) || isInterfaceType(namedType) || isUnionType(namedType))
        ? selectionArb(s, namedType, depth - 1, vars)
        : fc.constant({
            text: isObjectType(namedType) || isInterfaceType(namedType) || isUnionType(namedType) ? '{ __typename }' : '',
            defs: [],
            values: {},
          });
    return fc.tuple(fc.constant(field), fc.tuple(...argArbs), childArb);
  });
  return fc.array(fieldArb, { minLength: 1, maxLength: 3 }).map((picked) => {
    const defs: string[] = [];
    const values: Record<string, unknown> = {};
    const parts = picked.map(([field, args, child], i) => {
      const argText = args
        .filter(([, v]) => v !== undefined)
        .map(([arg, v, asVariable]) => {
          if (asVariable) {
            const name = `v${vars.n++}`;
            defs.push(`$${name}: ${String(arg.type)}`);
            values[name] = typeof v === 'object' && v && 'enum' in v ? (v as { enum: string }).enum : v;
            return `${arg.name}: $${name}`;
          }
          return `${arg.name}: ${literal(v)}`;
        });
      defs.push(...child.defs);
      Object.assign(values, child.values);
      return `f${i}: ${field.name}${argText.length ? `(${argText.join(', ')})` : ''} ${child.text}`;
    });
    return { text: `{ ${parts.join(' ')} }`, defs, values };
  });
}

const operationArb: fc.Arbitrary<Generated> = fc
  .integer({ min: 0, max: 4 })
  .chain((depth) => selectionArb(schema, schema.getQueryType()!, depth, { n: 0 }))
  .map(({ text, defs, values }) => ({
    query: defs.length ? `query Fuzz(${defs.join(', ')}) ${text}` : text,
    variables: values,
  }));

/** Character-level mutations of a generated operation: the parser and validator get fuzzed too. */
const mutatedArb: fc.Arbitrary<Generated> = fc
  .tuple(
    operationArb,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'swap'), fc.string({ maxLength: 3 })), { maxLength: 4 }),
  )
  .map(([op, edits]) => {
    let q = op.query;
    for (const [at, kind, text] of edits) {
      const i = q.length ? at % q.length : 0;
      if (kind === 'delete') q = q.slice(0, i) + q.slice(i + 1);
      else if (kind === 'insert') q = q.slice(0, i) + text + q.slice(i);
      else q = q.slice(0, i) + text + q.slice(i + text.length);
    }
    return { query: q, variables: op.variables };
  });

/** Deep nesting and junk bodies that are not GraphQL at all. */
const nastyArb: fc.Arbitrary<{ body: string }> = fc.oneof(
  fc
    .integer({ min: 1, max: 400 })
    .map((n) => ({ body: JSON.stringify({ query: `${'{ node(id: "x") { id '.repeat(n)}${'}'.repeat(2 * n)}` }) })),
  fc.string({ maxLength: 200 }).map((s) => ({ body: s })),
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ body: JSON.stringify(v) })),
  fc.tuple(fc.string(), fc.jsonValue()).map(([q, v]) => ({ body: JSON.stringify({ query: q, variables: v }) })),
);

const LEAKS = /\n\s+at |node_modules|\.ts:\d+|Failed query|select .* from|syntax error at or near|postgres|pglite|drizzle/i;

async function send(app: App, body: string): Promise<{ status: number; text: string }> {
  const response = await app.fetch('http://verbatim.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body,
  });
  return { status: response.status, text: await response.text() };
}

function assertClean(r: { status: number; text: string }, sent: string): void {
  expect(r.status, `5xx for ${sent.slice(0, 500)}:\n${r.text.slice(0, 500)}`).toBeLessThan(500);
  expect(r.text, `leak for ${sent.slice(0, 500)}`).not.toMatch(LEAKS);
  const body = JSON.parse(r.text) as { errors?: { extensions?: { code?: string } }[] };
  // Every bad input is the client's, and is named as such: no input may cause an internal error.
  expect(body.errors?.map((e) => e.extensions?.code) ?? [], `internal error for ${sent.slice(0, 500)}`).not.toContain(
    'INTERNAL_SERVER_ERROR',
  );
}

describeEachDatabase('fuzzing the endpoint', (suite) => {
  let app: App;
  beforeAll(async () => {
    // As the server runs it: with a corpus version, so ETags and the response cache are in play.
    app = createApp({ db: suite.db, corpusVersion: await corpusVersionOf(suite.db) });
  });

  it(`answers ${RUNS} generated operations cleanly`, async () => {
    await fc.assert(
      fc.asyncProperty(operationArb, async (op) => {
        const body = JSON.stringify(op);
        assertClean(await send(app, body), body);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`answers ${RUNS} mutated operations cleanly`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedArb, async (op) => {
        const body = JSON.stringify(op);
        assertClean(await send(app, body), body);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`answers ${Math.round(RUNS / 3)} deeply nested or malformed bodies cleanly`, async () => {
    await fc.assert(
      fc.asyncProperty(nastyArb, async ({ body }) => {
        assertClean(await send(app, body), body);
      }),
      { numRuns: Math.round(RUNS / 3) },
    );
  }, 300_000);
});
