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
  // Yoga caches parsed documents, so a repeated query is the same object: check it once.
  const documents = new WeakMap<object, boolean>();
  const hasLiteralNul = (document: object) => {
    let nul = documents.get(document);
    if (nul === undefined) {
      nul = JSON.stringify(document).includes('\\u0000');
      documents.set(document, nul);
    }
    return nul;
  };
  return {
    onExecute({ args }) {
      // Checked on the parsed document and the coerced variables, so escapes ("\u0000") count too.
      if (hasLiteralNul(args.document) || containsNul(args.variableValues)) {
        throw new GraphQLError('Arguments may not contain the NUL character (U+0000).', {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
      }
    },
  };
}
