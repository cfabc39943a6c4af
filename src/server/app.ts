/** The HTTP app: graphql-yoga over the Pothos schema, with the database injected. */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import { defaultConfig, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createContext, type Context } from '../schema/context.js';
import { schema } from '../schema/index.js';
import { maskedErrors } from './errors.js';
import { graphiqlTabs } from './graphiql.js';
import { databaseReadiness, healthPlugin, type ReadinessCheck } from './health.js';
import { rejectNulPlugin } from './input.js';
import { limitPlugins } from './limits.js';
import { cachingPlugin } from './caching.js';
import { createMetrics, type PoolInfo } from './metrics.js';
import { observabilityPlugin, yogaLogger } from './observability.js';
import { loadManifest, persistedOperationsPlugin, type Manifest } from './persisted.js';
import { responseCachePlugin } from './response-cache.js';
import { reviewPlugin } from '../review/routes.js';

export interface AppOptions {
  db: Database;
  config?: Config;
  /** What /ready reports; by default the database answers and its migrations are current. */
  readiness?: ReadinessCheck;
  /** Where request lines and yoga's errors go; silent by default (main passes the real one). */
  logger?: Logger;
  /**
   * The corpus version (src/db/corpus-version.ts), for ETags. Without it nothing is cacheable:
   * an ETag not tied to the corpus would outlive a migration.
   */
  corpusVersion?: { readonly value: string | undefined };
  /** The database pool, reported in /metrics. */
  pool?: PoolInfo;
  /** Persisted operations; operations/manifest.json by default. */
  manifest?: Manifest;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** Yoga's own batch cap; ours (config.limits.batch) is lower and answers with its own code. */
const YOGA_BATCH_CAP = 1_000;

const GRAPHQL_ENDPOINT = '/graphql';

export function createApp({
  db,
  config = defaultConfig(),
  readiness = databaseReadiness(db),
  logger = pino({ level: 'silent' }),
  corpusVersion,
  pool,
  manifest = loadManifest(),
}: AppOptions): App {
  const metrics = config.metrics ? createMetrics(pool) : undefined;
  const plugins: Plugin[] = [
    // First: its request id and timing cover every response, even those ended early.
    observabilityPlugin({
      logger,
      metrics,
      knownOperations: Object.values(manifest.operations).map((op) => op.name),
    }),
    healthPlugin(readiness),
    // The review page: /articles and /articles/<slug> (src/review/).
    reviewPlugin(db),
    // Before the limits and execution: a 304 costs nothing.
    cachingPlugin({ version: () => corpusVersion?.value, maxAge: config.cacheMaxAge, graphqlEndpoint: GRAPHQL_ENDPOINT }),
    persistedOperationsPlugin(manifest, config.persistedOnly),
    ...limitPlugins(config.limits),
    rejectNulPlugin(),
  ];
  // After the persisted operations (a hash becomes its query text first) and the limits.
  // Only with a corpus version to key it by: a cache not tied to it would outlive a migration.
  if (corpusVersion && config.responseCacheMb > 0) {
    plugins.push(
      responseCachePlugin({
        version: () => corpusVersion.value,
        maxBytes: Math.round(config.responseCacheMb * 2 ** 20),
        metrics: metrics?.responseCache,
      }),
    );
  }
  if (config.production) plugins.push(blockFieldSuggestionsPlugin() as Plugin);
  if (!config.introspection) plugins.push(useDisableIntrospection() as Plugin);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    context: () => createContext(db),
    plugins,
    batching: { limit: YOGA_BATCH_CAP },
    // Bundled GraphiQL: the page and its workers are served by us, never from a CDN. Imported on
    // the first page view: the bundle is ~75 MB of resident memory a server without GraphiQL
    // (or one nobody browses) should not carry.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    graphiql: config.graphiql ? { title: 'Verbatim', defaultEditorToolsVisibility: false, defaultTabs: graphiqlTabs } : false,
    landingPage: false,
    maskedErrors: {
      ...maskedErrors,
      maskError(error, message, isDev) {
        const masked = maskedErrors.maskError!(error, message, isDev);
        // Masked means unexpected (or an outage): the client sees a generic message, the log the cause.
        if (masked !== error) {
          const cause = (error as { originalError?: unknown }).originalError ?? error;
          logger.error({ err: cause, code: (masked as { extensions?: { code?: unknown } }).extensions?.code }, 'unexpected error');
        }
        return masked;
      },
    },
    logging: yogaLogger(logger),
  });
}
