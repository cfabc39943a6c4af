/** Entry point: read config, open and migrate the database, listen, shut down cleanly. */
import { pino, type Logger } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseConnectionError, openDatabase } from '../db/client.js';
import { CorpusVersion } from '../db/corpus-version.js';
import { migrate, pendingMigrations } from '../db/migrate.js';
import { createApp } from './app.js';
import { databaseReadiness } from './health.js';
import { listen } from './http.js';

async function main(logger: Logger): Promise<void> {
  const config = loadConfig();
  logger.level = config.logLevel;
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, allowUnavailable: true });
  if (handle.unavailable) {
    logger.warn(`verbatim: ${handle.unavailable}; starting anyway: /ready answers 503 until it is reachable`);
  } else if (handle.driver === 'pglite') {
    // The embedded database is ours alone: bring it up to date (this is also how the seed corpus
    // arrives, since articles are migrations).
    const { applied } = await migrate(handle.db);
    if (applied.length > 0) logger.info({ applied }, `Applied ${applied.length} migration(s) to ${handle.location}.`);
  } else {
    const pending = await pendingMigrations(handle.db);
    if (pending.length > 0) {
      logger.warn(
        { pending },
        `verbatim: ${pending.length} migration(s) not applied to ${handle.location} (run npm run db:migrate); /ready answers 503 until they are`,
      );
    }
  }

  // ETags follow the corpus version; a migration applied to the running server's database is
  // seen within the version's refresh interval.
  const corpusVersion = new CorpusVersion(handle.db);
  await corpusVersion.start();

  let shuttingDown = false;
  const yoga = createApp({
    db: handle.db,
    config,
    readiness: databaseReadiness(handle.db, () => shuttingDown),
    logger,
    corpusVersion,
    pool: { driver: handle.driver, max: handle.maxConnections },
  });
  const http = await listen(yoga, config, logger, { location: handle.location, corpusVersion: corpusVersion.value });

  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`verbatim: ${signal}: finishing in-flight requests, refusing new ones`);
    // In-flight requests get SHUTDOWN_TIMEOUT_MS; past that we exit non-zero rather than hang.
    const force = setTimeout(() => {
      logger.error(`verbatim: requests still running after ${config.shutdownTimeoutMs} ms; exiting`);
      exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    corpusVersion.stop();
    // close() stops accepting connections and waits for the active ones; idle keep-alive
    // connections are closed now, busy ones as soon as their response is sent.
    http.close(() => {
      void handle
        .close()
        .catch((error: unknown) => logger.error({ err: error }, 'verbatim: closing the database failed'))
        .finally(() => {
          clearTimeout(force);
          logger.info('verbatim: stopped');
          exit(0);
        });
    });
    http.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** pino writes synchronously to stdout by default, so nothing logged is lost on exit. */
const logger = pino({ base: { service: 'verbatim' } });

function exit(code: number): never {
  logger.flush();
  process.exit(code);
}

main(logger).catch((error: unknown) => {
  // Start-up failures go to stderr as plain lines, whatever LOG_LEVEL says (it may be the problem).
  if (error instanceof ConfigError || error instanceof DatabaseConnectionError) {
    console.error(`verbatim: ${error.message}`);
  } else {
    console.error('verbatim: failed to start:', error);
  }
  exit(1);
});
