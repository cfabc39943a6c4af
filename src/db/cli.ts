/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in
 * DATA_DIR. An embedded folder a server owns is that server's to write: the work is handed to it
 * (src/db/live-migrations.ts) and its answer printed.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseConnectionError, openDatabase } from './client.js';
import { requestMigrate } from './live-migrations.js';
import { MIGRATIONS_FOLDER, MigrationError, migrate, readJournal, type MigrationResult } from './migrate.js';
import { claimDataDir, DataDirBusyError, DataDirError } from './ownership.js';

class CliError extends Error {}

const report = ({ applied, total }: MigrationResult, location: string, by = '') =>
  applied.length > 0
    ? `Applied ${applied.length} of ${total} migration(s) to ${location}${by}: ${applied.join(', ')}`
    : `${location} is up to date (${total} migration(s))${by}.`;

async function migrateEmbedded(dataDir: string, folder: string): Promise<string> {
  let claim;
  try {
    claim = await claimDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirBusyError) return handOver(error, folder);
    throw error;
  }
  try {
    const handle = await openDatabase({ dataDir: claim });
    try {
      return report(await migrate(handle.db, folder), handle.location);
    } finally {
      await handle.close();
    }
  } finally {
    claim.release();
  }
}

/** The folder's owner applies them, or we say why not; either way we do not touch the folder. */
async function handOver(busy: DataDirBusyError, folder: string): Promise<string> {
  const reply = busy.owner?.control ? await requestMigrate(busy.owner.control, folder) : undefined;
  if (!reply) throw new CliError(`${busy.summary}, which does not take migrations: stop it, then run npm run db:migrate again`);
  if (!reply.ok) throw new CliError(`${busy.summary}, which did not apply them: ${reply.error}`);
  return report(reply, `PGlite in ${busy.dir}`, `, through the server that owns it (pid ${busy.owner?.pid})`);
}

const program = new Command('db:migrate')
  .description('apply pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR')
  .addOption(new Option('--migrations <dir>', 'the migrations folder').env('VERBATIM_MIGRATIONS_DIR').default(MIGRATIONS_FOLDER))
  .showHelpAfterError()
  .action(async (options: { migrations: string }) => {
    const config = loadConfig();
    const folder = path.resolve(options.migrations);
    readJournal(folder); // a wrong folder fails here, before any database is opened
    if (!config.databaseUrl) return void console.log(await migrateEmbedded(config.dataDir, folder));
    const handle = await openDatabase({ url: config.databaseUrl, maxConnections: 1 });
    try {
      console.log(report(await migrate(handle.db, folder), handle.location));
    } finally {
      await handle.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  const known = [ConfigError, DatabaseConnectionError, MigrationError, DataDirError, CliError].some((k) => error instanceof k);
  console.error(`verbatim: ${error instanceof MigrationError ? error.detailed : known ? (error as Error).message : String(error)}`);
  process.exit(1);
});
