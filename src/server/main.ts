/**
 * Entry point: read config, claim the embedded data folder, take the port, open and migrate the
 * database, serve, shut down cleanly. Each step that can fail does so before the next one touches
 * anything: a second server on the same folder stops before the port, a port clash before the
 * database.
 */
import type { RequestListener } from 'node:http';
import { pino, type Logger } from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseConnectionError, openDatabase } from '../db/client.js';
import { CorpusVersion } from '../db/corpus-version.js';
import { startLiveMigrations } from '../db/live-migrations.js';
import { migrate, MigrationError, pendingMigrations } from '../db/migrate.js';
import { claimDataDir, DataDirError } from '../db/ownership.js';
import { createApp } from './app.js';
import { databaseReadiness, starting } from './health.js';
import { createHttpServer, ListenError, listenOn, originOf, serveMetricsAndAnnounce } from './http.js';

async function main(logger: Logger): Promise<void> {
  const config = loadConfig();
  logger.level = config.logLevel;
  const claim = config.databaseUrl ? undefined : await claimDataDir(config.dataDir);
  let app: RequestListener = starting;
  const server = createHttpServer((request, response) => app(request, response), config.http, logger);
  const port = await listenOn(server, config.port, config.host, 'PORT').catch((error: unknown) => {
    claim?.release({ undo: true }); // nothing of the folder was used: leave it as it was
    throw error;
  });
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: claim, allowUnavailable: true });
  if (handle.unavailable) {
    logger.warn(`verbatim: ${handle.unavailable}; starting anyway: /ready answers 503 until it is reachable`);
  } else if (handle.driver === 'pglite') {
    // The embedded database is ours alone: bring it up to date (this is also how the seed corpus
    // arrives, since articles are migrations).
    const { applied } = await migrate(handle.db, config.migrationsDir);
    if (applied.length > 0) logger.info({ applied }, `Applied ${applied.length} migration(s) to ${handle.location}.`);
  } else {
    const pending = await pendingMigrations(handle.db, config.migrationsDir);
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
  // The embedded server is its folder's only writer: it applies new migrations itself, then moves
  // to the new corpus version at once.
  const live =
    claim &&
    (await startLiveMigrations({
      db: handle.db,
      folder: config.migrationsDir,
      claim,
      location: handle.location,
      logger,
      onChange: () => corpusVersion.refresh(),
    }));

  let shuttingDown = false;
  const yoga = createApp({
    db: handle.db,
    config,
    readiness: databaseReadiness(handle.db, { isShuttingDown: () => shuttingDown, migrations: !live && config.migrationsDir }),
    logger,
    corpusVersion,
    pool: { driver: handle.driver, max: handle.maxConnections },
  });
  app = (request, response) => void yoga(request, response);
  const http = await serveMetricsAndAnnounce(server, originOf(config, port), yoga, config, logger, {
    location: handle.location,
    corpusVersion: corpusVersion.value,
  });

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
      void Promise.resolve(live?.stop())
        .then(() => handle.close())
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
  const known = [ConfigError, DatabaseConnectionError, DataDirError, MigrationError, ListenError];
  if (known.some((k) => error instanceof k)) {
    console.error(`verbatim: ${error instanceof MigrationError ? error.detailed : (error as Error).message}`);
  } else {
    console.error('verbatim: failed to start:', error);
  }
  exit(1);
});
