/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
import { ConfigError, loadConfig } from '../config.js';
import { DatabaseConnectionError, openDatabase } from './client.js';
import { MigrationError, migrate } from './migrate.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 });
  try {
    const { applied, total } = await migrate(handle.db);
    console.log(
      applied.length > 0
        ? `Applied ${applied.length} of ${total} migration(s) to ${handle.location}: ${applied.join(', ')}`
        : `${handle.location} is up to date (${total} migration(s)).`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DatabaseConnectionError || error instanceof MigrationError;
  console.error(`verbatim: ${known ? (error as Error).message : String(error)}`);
  process.exit(1);
});
