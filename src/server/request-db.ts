/**
 * The per-operation database in the GraphQL context: `ctx.db` reads one snapshot within the
 * request deadline (src/db/request-scope.ts), and the snapshot ends as soon as the operation has
 * executed. Each operation of a batch gets its own.
 */
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import { requestScopes, type RequestDatabase } from '../db/request-scope.js';
import { createContext, type Context } from '../schema/context.js';

export interface RequestDatabases {
  /** yoga's context factory. */
  context(): Context;
  /** Ends each operation's snapshot once it has executed. */
  plugin: Plugin;
}

export function requestDatabases(db: Database, deadlineMs: number): RequestDatabases {
  const scopes = requestScopes(db, { deadlineMs });
  // Keyed by the per-operation database: yoga copies our context's fields into its own object.
  const open = new WeakMap<Database, RequestDatabase>();
  return {
    context() {
      const scope = scopes();
      open.set(scope.db, scope);
      return createContext(scope.db);
    },
    plugin: {
      onExecute({ args, executeFn, setExecuteFn }) {
        const scope = open.get((args.contextValue as Partial<Context>).db as Database);
        if (!scope) return;
        setExecuteFn(async (executionArgs) => {
          try {
            return await executeFn(executionArgs);
          } finally {
            // Not awaited: the answer need not wait for the COMMIT of a read-only transaction.
            void scope.end();
          }
        });
      },
    },
  };
}
