/** Entry point: read config, open and migrate the database, listen, shut down cleanly. */
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseConnectionError, openDatabase } from '../db/client.js';
import { migrate, pendingMigrations } from '../db/migrate.js';
import { createApp } from './app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  if (handle.driver === 'pglite') {
    // The embedded database is ours alone: bring it up to date (this is also how the seed corpus
    // arrives, since articles are migrations).
    const { applied } = await migrate(handle.db);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) to ${handle.location}.`);
  } else {
    const pending = await pendingMigrations(handle.db);
    if (pending.length > 0) {
      console.warn(`Warning: ${pending.length} migration(s) not applied to ${handle.location} (run npm run db:migrate): ${pending.join(', ')}`);
    }
  }
  const yoga = createApp({ db: handle.db, config });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Verbatim GraphQL API on http://${host}:${port}/graphql (${handle.location})`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      void handle.close().finally(() => {
        clearTimeout(force);
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseConnectionError) {
    console.error(`verbatim: ${error.message}`);
  } else {
    console.error('verbatim: failed to start:', error);
  }
  process.exit(1);
});
