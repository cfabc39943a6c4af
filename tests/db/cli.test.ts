/** `npm run db:migrate` as a real process: the migrations folder it is given, and a wrong one. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationTags } from '../../src/db/migrate.js';
import { queryRows } from '../../src/db/rows.js';
import { createWorkspace } from '../corpus/workspace.js';
import { testTargets } from '../helpers/databases.js';
import { run } from '../helpers/process.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'verbatim-dbcli-'));
const ws = createWorkspace(); // the schema migrations alone: no article
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  ws.remove();
});
const tags = migrationTags(ws.migrations);

describe('db:migrate', () => {
  it('applies the folder given by --migrations or VERBATIM_MIGRATIONS_DIR, not the default one', async () => {
    expect(tags.length).toBeLessThan(migrationTags().length);
    for (const [name, args, env] of [
      ['flag', ['--migrations', ws.migrations], {}],
      ['env', [], { VERBATIM_MIGRATIONS_DIR: ws.migrations }],
    ] as const) {
      const dataDir = path.join(scratch, name);
      const r = await run('src/db/cli.ts', [...args], { DATABASE_URL: '', DATA_DIR: dataDir, ...env }, 120_000);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(`Applied ${tags.length} of ${tags.length} migration(s) to PGlite in ${dataDir}: ${tags.join(', ')}`);
    }
  }, 120_000);

  it('fails with one line on a folder that is missing or is not a migrations folder, before opening any database', async () => {
    const missing = path.join(scratch, 'no-such-folder');
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    for (const [folder, message] of [
      [missing, `the migrations folder ${missing} does not exist`],
      [empty, `${empty} is not a migrations folder: it has no journal (meta/_journal.json)`],
    ] as const) {
      const dataDir = path.join(scratch, 'untouched');
      for (const [args, env] of [
        [['--migrations', folder], {}],
        [[], { VERBATIM_MIGRATIONS_DIR: folder }],
      ] as const) {
        const r = await run('src/db/cli.ts', [...args], { DATABASE_URL: '', DATA_DIR: dataDir, ...env }, 120_000);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`verbatim: ${message}\n`);
        expect(existsSync(dataDir)).toBe(false);
      }
    }
  }, 120_000);

  const pg = testTargets.find((t) => t.name === 'postgres');
  it.skipIf(!pg)(
    'applies the folder given by --migrations on PostgreSQL too [postgres]',
    async () => {
      const handle = await pg!.open();
      try {
        const [current] = await queryRows<{ name: string }>(handle.db, sql`select current_database() as name`);
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.pathname = `/${current!.name}`;
        const r = await run('src/db/cli.ts', ['--migrations', ws.migrations], { DATABASE_URL: url.toString() });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toContain(`Applied ${tags.length} of ${tags.length} migration(s)`);
        const rows = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        expect(rows[0]!.n).toBe(tags.length);
      } finally {
        await handle.close();
      }
    },
    60_000,
  );
});
