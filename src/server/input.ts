/**
 * Input PostgreSQL cannot store: text with a NUL character (U+0000) fails deep in the driver with
 * an internal error. Refusing it at the door turns that into a clear, coded client error.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const NUL = '\u0000';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes(NUL) || containsNul(v, depth + 1));
}

export function rejectNulPlugin(): Plugin {
  return {
    onExecute({ args }) {
      // Checked on the parsed document and the coerced variables, so escapes ("\u0000") count too.
      const literalNul = JSON.stringify(args.document).includes('\\u0000');
      if (literalNul || containsNul(args.variableValues)) {
        throw new GraphQLError('Arguments may not contain the NUL character (U+0000).', {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
      }
    },
  };
}
