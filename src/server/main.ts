/** Entry point: read config, open and migrate the database, listen, shut down cleanly. */
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseConnectionError, openDatabase } from '../db/client.js';
import { migrate, pendingMigrations } from '../db/migrate.js';
import { createApp } from './app.js';
import { databaseReadiness } from './health.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, allowUnavailable: true });
  if (handle.unavailable) {
    console.warn(`verbatim: ${handle.unavailable}; starting anyway: /ready answers 503 until it is reachable`);
  } else if (handle.driver === 'pglite') {
    // The embedded database is ours alone: bring it up to date (this is also how the seed corpus
    // arrives, since articles are migrations).
    const { applied } = await migrate(handle.db);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) to ${handle.location}.`);
  } else {
    const pending = await pendingMigrations(handle.db);
    if (pending.length > 0) {
      console.warn(
        `verbatim: ${pending.length} migration(s) not applied to ${handle.location} (run npm run db:migrate); /ready answers 503 until they are: ${pending.join(', ')}`,
      );
    }
  }

  let shuttingDown = false;
  const yoga = createApp({ db: handle.db, config, readiness: databaseReadiness(handle.db, () => shuttingDown) });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Verbatim GraphQL API on http://${host}:${port}/graphql (${handle.location})`);

  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`verbatim: ${signal}: finishing in-flight requests, refusing new ones`);
    // In-flight requests get SHUTDOWN_TIMEOUT_MS; past that we exit non-zero rather than hang.
    const force = setTimeout(() => {
      console.error(`verbatim: requests still running after ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    // close() stops accepting connections and waits for the active ones; idle keep-alive
    // connections are closed now, busy ones as soon as their response is sent.
    server.close(() => {
      void handle
        .close()
        .catch((error: unknown) => console.error('verbatim: closing the database failed:', error))
        .finally(() => {
          clearTimeout(force);
          console.log('verbatim: stopped');
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
