/** The HTTP app: graphql-yoga over the Pothos schema, with the database injected. */
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import { defaultConfig, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createContext, type Context } from '../schema/context.js';
import { schema } from '../schema/index.js';
import { cachingPlugin } from './caching.js';
import { corsPlugin, jsonPostsOnly } from './cross-site.js';
import { maskedErrors, productionErrorsPlugin } from './errors.js';
import { graphiqlPlugin } from './graphiql.js';
import { databaseReadiness, healthPlugin, type ReadinessCheck } from './health.js';
import { rejectNulPlugin } from './input.js';
import { limitPlugins } from './limits.js';
import { createMetrics, type Metrics, type PoolInfo } from './metrics.js';
import { observabilityPlugin, yogaLogger } from './observability.js';
import { operationTypesPlugin } from './operation-types.js';
import { loadManifest, persistedOperationsPlugin, type Manifest } from './persisted.js';
import { requestDatabases } from './request-db.js';
import { memoryStore, responseCachePlugin } from './response-cache.js';
import { rootPagePlugin, type PageLink } from './root.js';
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
  /**
   * One snapshot per operation (src/server/request-db.ts); on by default. Off only to measure
   * what it costs (scripts/measure-requests.ts): responses may then mix corpus states.
   */
  snapshots?: boolean;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** Yoga's own batch cap; ours (config.limits.batch) is lower and answers with its own code. */
const YOGA_BATCH_CAP = 1_000;

const GRAPHQL_ENDPOINT = '/graphql';

/**
 * yoga answers its own health check (an empty 200 at any URL ending in this) before any plugin.
 * No URL ends in a space (the URL parser escapes it), so it never answers; ours (health.ts) does.
 */
const NO_YOGA_HEALTH_CHECK = ' ';

const apps = new WeakMap<App, Metrics>();

/** The app's metrics (undefined with METRICS=false), for a listener of their own (http.ts). */
export function metricsOf(app: App): Metrics | undefined {
  return apps.get(app);
}

/** Why GraphiQL is not served, or undefined when it is. */
function graphiqlOff(config: Config): string | undefined {
  if (config.persistedOnly) return 'PERSISTED_ONLY=true runs persisted operations only';
  if (!config.graphiql) return config.production ? 'NODE_ENV=production (GRAPHIQL=true turns it on)' : 'GRAPHIQL=false';
  return undefined;
}

export function createApp({
  db,
  config = defaultConfig(),
  readiness = databaseReadiness(db),
  logger = pino({ level: 'silent' }),
  corpusVersion,
  pool,
  manifest = loadManifest(),
  snapshots = true,
}: AppOptions): App {
  const metrics = config.metrics ? createMetrics(pool) : undefined;
  // One snapshot and one deadline per operation: ctx.db (src/server/request-db.ts).
  const databases = snapshots ? requestDatabases(db, config.requestTimeoutMs) : { context: () => createContext(db), plugin: {} };
  const servedFromCache = new WeakSet<Request>();
  const version = () => corpusVersion?.value;
  const noGraphiql = graphiqlOff(config);
  // The pages the root page lists: GraphiQL when it is served, and the articles' reader view.
  const pages: PageLink[] = [
    ...(noGraphiql
      ? []
      : [
          {
            href: GRAPHQL_ENDPOINT,
            title: 'GraphiQL',
            description: 'write and run queries in the browser, with example queries and the schema',
          },
        ]),
    {
      href: '/articles',
      title: 'Articles',
      description: 'each article of the corpus with its quotes highlighted by speaker: who said what',
    },
  ];
  const plugins: Plugin[] = [
    // First: its request id and timing cover every response, even those ended early.
    observabilityPlugin({
      logger,
      metrics,
      scrape: config.metricsPort === undefined ? { here: true, token: config.metricsToken } : { here: false },
      knownOperations: Object.values(manifest.operations).map((op) => op.name),
    }),
    healthPlugin(readiness, logger),
    corsPlugin(config.corsOrigins, GRAPHQL_ENDPOINT),
    jsonPostsOnly(GRAPHQL_ENDPOINT),
    rootPagePlugin({ pages, graphqlEndpoint: GRAPHQL_ENDPOINT, graphiqlOff: noGraphiql }),
    ...(noGraphiql ? [] : [graphiqlPlugin({ db, version, endpoint: GRAPHQL_ENDPOINT })]),
    // The review page: /articles and /articles/<slug> (src/review/).
    reviewPlugin(db),
    // Before the limits and execution: a 304 costs nothing.
    cachingPlugin({ version, maxAge: config.cacheMaxAge, graphqlEndpoint: GRAPHQL_ENDPOINT, servedFromCache }),
    persistedOperationsPlugin(manifest, config.persistedOnly),
    ...limitPlugins(config.limits),
    operationTypesPlugin(),
  ];
  // After the body limit (it reads POST bodies), before any GraphQL work (a hit skips it all).
  // Only with a corpus version to key it by: a cache not tied to it would outlive a migration.
  if (corpusVersion && config.responseCacheMb > 0) {
    plugins.push(
      responseCachePlugin({
        version: () => corpusVersion.value,
        store: memoryStore(Math.round(config.responseCacheMb * 2 ** 20)),
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        served: servedFromCache,
        metrics: metrics?.responseCache,
      }),
    );
  }
  plugins.push(rejectNulPlugin(), databases.plugin);
  if (config.production) plugins.push(productionErrorsPlugin());
  if (!config.introspection) plugins.push(useDisableIntrospection() as Plugin);
  const app = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    context: databases.context,
    plugins,
    batching: { limit: YOGA_BATCH_CAP },
    // Our own limit refuses bodies by their Content-Length before they are read, and Node holds
    // a body to it (src/server/limits.ts); yoga's would pipe every body through a counting stream.
    maxRequestBodySize: false,
    healthCheckEndpoint: NO_YOGA_HEALTH_CHECK,
    // Ours (cross-site.ts): yoga's reflects any Origin and allows credentials.
    cors: false,
    // Ours (graphiql.ts): a small page and cached, compressed assets.
    graphiql: false,
    // Only JSON bodies execute (cross-site.ts); there are no uploads.
    multipart: false,
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
  if (metrics) apps.set(app, metrics);
  return app;
}
