/**
 * Refusing hostile queries before they cost anything. Each limit has its own `extensions.code`
 * and a message naming the limit, so a client can tell which one it hit.
 *
 * Depth, aliases, directives and tokens use graphql-armor's rules (parse/validation time); cost is
 * computed with graphql-query-complexity right before execution, because it depends on variables
 * (`first: $n`) and validation results are cached per document.
 */
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { getNamedType, GraphQLError, isListType, getNullableType, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/connections.js';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

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
 * Cost estimator: a field costs 1 plus its children; a connection multiplies its children by the
 * page size asked (first/last), a plain list by LIST_FACTOR, `nodes(ids)` by the ids given.
 */
const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection is bounded by the schema's size, not the data: GraphiQL must always get it.
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
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
};

/** Estimated cost of an operation (exported for tests and the docs' examples). */
export function operationCost(
  schema: GraphQLSchema,
  document: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({ schema, query: document, variables, estimators: [costEstimator], ...(operationName ? { operationName } : {}) });
}

function costPlugin(max: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let cost: number;
      try {
        cost = operationCost(
          args.schema,
          args.document,
          (args.variableValues ?? {}) as Record<string, unknown>,
          args.operationName ?? undefined,
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
              `Query cost ${cost} exceeds the limit of ${max} (limit "cost": ${max}): ask for smaller pages or fewer nested connections.`,
              max,
            ),
          ],
        });
      }
    },
  };
}

/** Request body size and batch size, checked before the body is parsed. */
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

/** Every limit as yoga plugins, in the order they can reject: body, tokens, validation, cost. */
export function limitPlugins(limits: Limits): Plugin[] {
  const armor = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    requestSizePlugin(limits),
    maxTokensPlugin({ ...armor, n: limits.tokens, onReject: [rejectWith('tokens', limits.tokens)] }),
    maxDepthPlugin({ ...armor, n: limits.depth, ignoreIntrospection: true, onReject: [rejectWith('depth', limits.depth)] }),
    maxAliasesPlugin({ ...armor, n: limits.aliases, onReject: [rejectWith('aliases', limits.aliases)] }),
    maxDirectivesPlugin({ ...armor, n: limits.directives, onReject: [rejectWith('directives', limits.directives)] }),
    costPlugin(limits.cost),
  ] as Plugin[];
}
