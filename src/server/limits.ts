/**
 * Refusing hostile queries before they cost anything. Each limit has its own `extensions.code`
 * and a message naming the limit, so a client can tell which one it hit.
 *
 * Depth, aliases, directives and tokens use graphql-armor's rules (parse/validation time); cost is
 * computed with graphql-query-complexity right before execution, because it depends on variables
 * (`first: $n`), and remembered per document and variables. The response's size is checked on the
 * executed result, before it is serialised.
 */
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { getNamedType, GraphQLError, isListType, getNullableType, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/connections.js';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import { jsonBytesOver } from './json-size.js';

/** Items assumed for a plain list field (paragraphs, aliases, ...). */
const LIST_FACTOR = 10;

/** The error codes, one per limit. */
export const LIMIT_CODES = {
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  bodyBytes: 'BODY_LIMIT_EXCEEDED',
  batch: 'BATCH_LIMIT_EXCEEDED',
  responseBytes: 'RESPONSE_LIMIT_EXCEEDED',
} as const;

function limitError(limit: keyof Limits, message: string, max: number, status = 400): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: LIMIT_CODES[limit], limit, max, http: { status } },
  });
}

/** graphql-armor reports "Syntax Error: ..." without a code; re-report it with ours. */
function rejectWith(limit: keyof Limits, max: number): GraphQLArmorRejectCallback {
  return (ctx, error) => {
    const message = `${error.message.replace(/^Syntax Error: /, '')} (limit "${limit}": ${max})`;
    const coded = limitError(limit, message, max);
    // Parser-level rules (tokens) have no validation context: throwing aborts the parse.
    if (!ctx) throw coded;
    ctx.reportError(coded);
  };
}

/**
 * What a search costs on its own, whatever its page: it reads an index of the whole corpus, and
 * one that matches nothing may read all of it. 25 fit under the default cost limit (50,000), so 30
 * aliased searches (the alias limit) are refused before they run.
 */
export const SEARCH_COST = 2_000;

/**
 * Fields that carry large texts, by schema coordinate, and what each costs: an article body is
 * kilobytes, a paragraph a tenth of it, a snippet is computed from a whole text (ts_headline).
 * tests/server/limits.test.ts checks every coordinate exists in the schema.
 */
export const TEXT_COSTS: Readonly<Record<string, number>> = {
  'Article.body': 100,
  'Paragraph.text': 10,
  'SearchEdge.snippet': 20,
};

/**
 * Cost estimator: a field costs 1 plus its children; a connection multiplies its children by the
 * page size asked (first/last), a plain list by LIST_FACTOR, `nodes(ids)` by the ids given. A
 * search adds SEARCH_COST, a large text field its TEXT_COSTS.
 */
const costEstimator: ComplexityEstimator = (options) => {
  const { type, field, args } = options;
  // Introspection is bounded by the schema's size, not the data: GraphiQL must always get it.
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const text = (TEXT_COSTS[`${type.name}.${field.name}`] ?? 1) - 1;
  return structuralCost(options) + text + (isSearch(type.name, field.name, args) ? SEARCH_COST : 0);
};

/** `Query.search(query:)`, or any list asked with a `search` text. */
function isSearch(typeName: string, fieldName: string, args: Record<string, unknown>): boolean {
  if (typeName === 'Query' && fieldName === 'search') return true;
  return typeof args.search === 'string' && args.search.trim() !== '';
}

/** 1 plus the children, multiplied by the page size or list factor. */
function structuralCost({ type, field, args, childComplexity }: Parameters<ComplexityEstimator>[0]): number {
  const pageSize = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  const paginated = field.args.some((a) => a.name === 'first' || a.name === 'last');
  if (paginated) {
    // Clamped: a page over the maximum is refused by the field itself, with a clearer message.
    const size = Math.min(MAX_PAGE_SIZE, Math.max(0, pageSize ?? DEFAULT_PAGE_SIZE));
    return 1 + size * childComplexity;
  }
  if (Array.isArray(args.ids)) return 1 + args.ids.length * childComplexity;
  const returnsList = isListType(getNullableType(field.type));
  // A connection's edges/nodes are already counted by the page size of the connection field.
  const insideConnection = type.name.endsWith('Connection');
  if (returnsList && !insideConnection && getNamedType(field.type).name !== 'String') {
    return 1 + LIST_FACTOR * childComplexity;
  }
  return 1 + childComplexity;
}

/** Estimated cost of an operation (exported for tests and the docs' examples). */
export function operationCost(
  schema: GraphQLSchema,
  document: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({ schema, query: document, variables, estimators: [costEstimator], ...(operationName ? { operationName } : {}) });
}

/**
 * Costs already worked out, by document and variables: the cost depends on nothing else, and
 * yoga hands every request with the same query text the same parsed document. Variables are
 * keyed by their JSON; large or unserialisable ones (nested past the stack) are not kept.
 */
function costMemo(): (
  args: { document: DocumentNode; variableValues?: unknown; operationName?: string | null },
  compute: () => number,
) => number {
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextId = 0;
  const costs = new LRUCache<string, number>({ max: 5_000 });
  return ({ document, variableValues, operationName }, compute) => {
    let id = documentIds.get(document);
    if (id === undefined) documentIds.set(document, (id = nextId++));
    let variables: string | undefined;
    try {
      variables = JSON.stringify(variableValues ?? {});
    } catch {
      return compute();
    }
    if (variables.length > MAX_MEMO_VARIABLES) return compute();
    const key = `${id}\u0000${operationName ?? ''}\u0000${variables}`;
    let cost = costs.get(key);
    if (cost === undefined) costs.set(key, (cost = compute()));
    return cost;
  };
}

/** Variables longer than this (as JSON) are not worth a cache entry. */
const MAX_MEMO_VARIABLES = 2_048;

function costPlugin(max: number): Plugin {
  const memo = costMemo();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let cost: number;
      try {
        cost = memo(args, () =>
          operationCost(
            args.schema,
            args.document,
            (args.variableValues ?? {}) as Record<string, unknown>,
            args.operationName ?? undefined,
          ),
        );
      } catch {
        // Malformed variables are reported by execution itself with a precise message.
        return;
      }
      if (cost > max) {
        setResultAndStopExecution({
          errors: [
            limitError(
              'cost',
              `Query cost ${cost} exceeds the limit of ${max} (limit "cost": ${max}): ask for smaller pages, fewer nested connections, searches or long texts.`,
              max,
            ),
          ],
        });
      }
    },
  };
}

/**
 * The size of each operation's `data` as JSON, measured on the executed result before anything
 * serialises it: an answer over the limit is replaced by an error and never becomes a string.
 */
function responseSizePlugin(max: number): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || result.data == null) return;
          const size = jsonBytesOver(result.data, max);
          if (size === undefined) return;
          setResult({
            errors: [
              limitError(
                'responseBytes',
                `The response would be more than ${size} bytes, over the limit of ${max} (limit "responseBytes": ${max}): ask for fewer items or fields.`,
                max,
              ),
            ],
          });
        },
      };
    },
  };
}

/**
 * Request body size and batch size, checked before the body is read. Node's HTTP parser holds a
 * body to its Content-Length and refuses chunked bodies here (no length: 411), so yoga's own size
 * check, which pipes every body through a counting stream, is switched off (src/server/app.ts).
 */
function requestSizePlugin(limits: Limits): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      const reject = (status: number, code: string, message: string) =>
        endResponse(
          new Response(JSON.stringify({ errors: [{ message, extensions: { code, max: limits.bodyBytes } }] }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      // Without a length we would have to buffer an unbounded body to know it is too big.
      if (length === null) return reject(411, 'LENGTH_REQUIRED', 'A POST request must have a Content-Length header.');
      // One decimal number: anything else ("1, 1", "-1", "0x10") is how smuggling starts.
      if (!/^\d{1,15}$/.test(length)) return reject(400, 'BAD_REQUEST', 'The Content-Length header is not a number of bytes.');
      if (Number(length) > limits.bodyBytes) {
        return reject(
          413,
          LIMIT_CODES.bodyBytes,
          `Request body of ${length} bytes exceeds the limit of ${limits.bodyBytes} bytes (limit "bodyBytes": ${limits.bodyBytes}).`,
        );
      }
    },
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult) && requestParserResult.length > limits.batch) {
            throw limitError(
              'batch',
              `Batch of ${requestParserResult.length} operations exceeds the limit of ${limits.batch} (limit "batch": ${limits.batch}).`,
              limits.batch,
              413,
            );
          }
        },
      };
    },
  };
}

/** Every limit as yoga plugins, in the order they can reject: body, tokens, validation, cost, response size. */
export function limitPlugins(limits: Limits): Plugin[] {
  const armor = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    requestSizePlugin(limits),
    maxTokensPlugin({ ...armor, n: limits.tokens, onReject: [rejectWith('tokens', limits.tokens)] }),
    maxDepthPlugin({ ...armor, n: limits.depth, ignoreIntrospection: true, onReject: [rejectWith('depth', limits.depth)] }),
    maxAliasesPlugin({ ...armor, n: limits.aliases, onReject: [rejectWith('aliases', limits.aliases)] }),
    maxDirectivesPlugin({ ...armor, n: limits.directives, onReject: [rejectWith('directives', limits.directives)] }),
    costPlugin(limits.cost),
    responseSizePlugin(limits.responseBytes),
  ] as Plugin[];
}
