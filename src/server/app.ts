/** The HTTP app: graphql-yoga over the Pothos schema, with the database injected. */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { createContext, type Context } from '../schema/context.js';
import { schema } from '../schema/index.js';
import { graphiqlTabs } from './graphiql.js';

export interface AppOptions {
  db: Database;
  config?: Pick<Config, 'production'>;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

export function createApp({ db, config }: AppOptions): App {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: () => createContext(db),
    // Bundled GraphiQL: the page and its workers are served by us, never from a CDN.
    renderGraphiQL,
    graphiql: {
      title: 'Verbatim',
      defaultEditorToolsVisibility: false,
      defaultTabs: graphiqlTabs,
    },
    landingPage: false,
    maskedErrors: true,
    logging: false,
  });
}
