/** The HTTP app: graphql-yoga over the Pothos schema, with the database injected. */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { defaultConfig, type Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createContext, type Context } from '../schema/context.js';
import { schema } from '../schema/index.js';
import { maskedErrors } from './errors.js';
import { graphiqlTabs } from './graphiql.js';
import { databaseReadiness, healthPlugin, type ReadinessCheck } from './health.js';
import { rejectNulPlugin } from './input.js';
import { limitPlugins } from './limits.js';

export interface AppOptions {
  db: Database;
  config?: Config;
  /** What /ready reports; by default the database answers and its migrations are current. */
  readiness?: ReadinessCheck;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** Yoga's own batch cap; ours (config.limits.batch) is lower and answers with its own code. */
const YOGA_BATCH_CAP = 1_000;

export function createApp({ db, config = defaultConfig(), readiness = databaseReadiness(db) }: AppOptions): App {
  const plugins: Plugin[] = [healthPlugin(readiness), ...limitPlugins(config.limits), rejectNulPlugin()];
  if (config.production) plugins.push(blockFieldSuggestionsPlugin() as Plugin);
  if (!config.introspection) plugins.push(useDisableIntrospection() as Plugin);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(db),
    plugins,
    batching: { limit: YOGA_BATCH_CAP },
    // Bundled GraphiQL: the page and its workers are served by us, never from a CDN.
    renderGraphiQL,
    graphiql: config.graphiql
      ? { title: 'Verbatim', defaultEditorToolsVisibility: false, defaultTabs: graphiqlTabs }
      : false,
    landingPage: false,
    maskedErrors,
    logging: false,
  });
}
