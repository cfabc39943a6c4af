import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates from the schema here; migrations are applied by our own
// `npm run db:migrate` (src/db/migrate.ts), which works on PGlite and on the server alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
  casing: 'snake_case',
});
