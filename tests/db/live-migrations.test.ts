/**
 * Live migrations on the embedded database, with a real server process on a scratch copy of the
 * migrations (VERBATIM_MIGRATIONS_DIR): a migration written while it runs is applied (each whole,
 * the corpus version moving on), db:migrate hands its work to it, a broken migration is refused
 * whole and logged, a journal or file still being written is waited for, and all of it is still
 * there after a clean restart, each migration recorded once.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSeed } from '../../src/corpus/commands.js';
import { openDatabase } from '../../src/db/client.js';
import { requestMigrate, startLiveMigrations } from '../../src/db/live-migrations.js';
import { migrate, migrationTags } from '../../src/db/migrate.js';
import { claimDataDir } from '../../src/db/ownership.js';
import { queryRows } from '../../src/db/rows.js';
import { ALPHA, BETA, createWorkspace, runCli, type Workspace } from '../corpus/workspace.js';
import { run, startServer, type ServerProcess } from '../helpers/process.js';
import { graphql, owner, recordedTimes, stopOwner, waitFor, withFolder } from './owner-helpers.js';

interface Entry {
  idx: number;
  version: string;
  when: number;
  tag: string;
  breakpoints: boolean;
}

const journalPath = (ws: Workspace) => path.join(ws.migrations, 'meta/_journal.json');
const readJournalText = (ws: Workspace) => readFileSync(journalPath(ws), 'utf8');

/** The journal text with one more entry, and that entry's tag and file. */
function withEntry(ws: Workspace, name: string): { text: string; tag: string; file: string } {
  const journal = JSON.parse(readJournalText(ws)) as { entries: Entry[] };
  const last = journal.entries.at(-1)!;
  const tag = `${String(last.idx + 1).padStart(4, '0')}_${name}`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag });
  return { text: JSON.stringify(journal, null, 2), tag, file: path.join(ws.migrations, `${tag}.sql`) };
}

function writeWhole(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

const title = async (url: string, slug: string) =>
  ((await graphql(url, `{ article(slug: "${slug}") { title } }`)) as { data?: { article: { title: string } | null } }).data?.article?.title;
const statement = (...parts: string[]) => parts.join('\n--> statement-breakpoint\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the embedded server applies migrations while it runs', () => {
  let ws: Workspace;
  let dataDir: string;
  let server: ServerProcess;
  let env: Record<string, string>;
  beforeAll(async () => {
    ws = createWorkspace();
    dataDir = mkdtempSync(path.join(tmpdir(), 'verbatim-live-'));
    env = { DATABASE_URL: '', DATA_DIR: dataDir, VERBATIM_MIGRATIONS_DIR: ws.migrations };
    server = await startServer(env, 240_000);
  }, 300_000);
  afterAll(async () => {
    if (server) await stopOwner(server, dataDir);
    ws?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the migration corpus:add writes, and /ready stays 200 all along', async () => {
    const statuses: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        statuses.push((await fetch(new URL('/ready', server.url))).status);
        await sleep(50);
      }
    })();
    try {
      expect(await title(server.url, 'alpha-article')).toBeUndefined();
      const added = await runCli(ws, ['add', ws.seed(ALPHA)]);
      expect(added.code, added.stderr).toBe(0);
      await waitFor('alpha-article through the API', () => title(server.url, 'alpha-article'));
    } finally {
      sampling = false;
      await sampler;
    }
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(server.output()).toMatch(
      /"applied":\["\d{4}_article_alpha-article"\],"msg":"Applied 1 migration\(s\) to PGlite in .* while serving\."/,
    );
  }, 120_000);

  it('takes the work of db:migrate, which reports what the server applied', async () => {
    const added = await runCli(ws, ['add', ws.seed(BETA)]);
    expect(added.code, added.stderr).toBe(0);
    const r = await run('src/db/cli.ts', [], env, 120_000);
    expect(r.code, r.stderr).toBe(0);
    const total = migrationTags(ws.migrations).length;
    const by = `, through the server that owns it \\(pid ${owner(dataDir)?.pid}\\)`;
    // The server may have applied it on its own already: then db:migrate finds it up to date.
    expect(r.stdout.trim()).toMatch(
      new RegExp(
        `^(Applied 1 of ${total} migration\\(s\\) to PGlite in ${dataDir}${by}: \\d{4}_article_beta-article|PGlite in ${dataDir} is up to date \\(${total} migration\\(s\\)\\)${by}\\.)$`,
      ),
    );
    expect(await waitFor('beta-article through the API', () => title(server.url, 'beta-article'))).toBeTruthy();
    expect((await fetch(new URL('/ready', server.url))).status).toBe(200);
  }, 120_000);

  it('refuses a broken migration whole, names its file and statement, and keeps serving the corpus it had', async () => {
    const before = await title(server.url, 'alpha-article');
    const etag = (await fetch(`${server.url}?query=${encodeURIComponent('{ articles { totalCount } }')}`)).headers.get('etag');
    const { text, tag, file } = withEntry(ws, 'broken');
    const good = [
      'CREATE TABLE live_half (id int);',
      'INSERT INTO live_half VALUES (1);',
      "UPDATE articles SET title = 'Half' WHERE slug = 'alpha-article';",
    ];
    writeWhole(file, statement(...good, 'SELECT no_such_function();'));
    writeWhole(journalPath(ws), text);
    const logged = await waitFor('the failure in the log', () =>
      server
        .output()
        .split('\n')
        .find((l) => l.includes(`migration ${tag} failed`)),
    );
    expect(logged).toMatch(/"level":50/);
    expect(logged).toContain(
      `failed at statement 4: function no_such_function() does not exist; nothing of it was applied (${file}, statement 4: SELECT no_such_function();)`,
    );
    expect(logged).toContain('still serving the corpus as it was');
    // Nothing of it: the old title, the same corpus version, still ready.
    expect(await title(server.url, 'alpha-article')).toBe(before);
    expect((await fetch(`${server.url}?query=${encodeURIComponent('{ articles { totalCount } }')}`)).headers.get('etag')).toBe(etag);
    expect((await fetch(new URL('/ready', server.url))).status).toBe(200);
    // db:migrate is told why, in one line, and fails.
    const r = await run('src/db/cli.ts', [], env, 120_000);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      new RegExp(`in use by Verbatim process pid \\d+ .*, which did not apply them: migration ${tag} failed at statement 4`),
    );
    // Fixed, it is applied as soon as it is written.
    writeWhole(file, statement(...good));
    await waitFor('the fixed migration', async () => (await title(server.url, 'alpha-article')) === 'Half');
  }, 120_000);

  it('waits for a journal still being written and for a file the journal lists before it exists', async () => {
    const errorsBefore = server.output().split('"level":50').length;
    const { text, tag, file } = withEntry(ws, 'late');
    // Half a journal, written the slow way: not JSON yet.
    writeFileSync(journalPath(ws), text.slice(0, text.length / 2));
    await waitFor('the wait in the log', () => server.output().includes('waiting for the migrations folder to be complete'));
    // The whole journal, but its new file is not there yet.
    writeFileSync(journalPath(ws), text);
    await waitFor('the missing file in the log', () => server.output().includes(`lists ${tag}, but ${file} does not exist`));
    await sleep(1_000);
    expect(await title(server.url, 'beta-article')).not.toBe('Late');
    writeFileSync(file, "UPDATE articles SET title = 'Late' WHERE slug = 'beta-article';");
    await waitFor('the late migration', async () => (await title(server.url, 'beta-article')) === 'Late');
    expect(server.output().split('"level":50').length).toBe(errorsBefore);
  }, 120_000);

  it('keeps all of it after a clean stop: each migration recorded once, served again after a restart', async () => {
    expect(await stopOwner(server, dataDir)).toBe(0);
    await withFolder(dataDir, async (db) => {
      expect(await recordedTimes(db)).toEqual(migrationTags(ws.migrations).map(() => 1));
      expect(await queryRows(db, sql`select id from live_half`)).toEqual([{ id: 1 }]);
    });
    const idle = await run('src/db/cli.ts', [], env, 120_000);
    expect(idle.stdout.trim()).toBe(`PGlite in ${dataDir} is up to date (${migrationTags(ws.migrations).length} migration(s)).`);
    server = await startServer(env, 240_000);
    expect(await title(server.url, 'alpha-article')).toBe('Half');
    expect(await title(server.url, 'beta-article')).toBe('Late');
  }, 120_000);
});

describe("the owner's control socket", () => {
  it('applies what is pending on request, from its own migrations folder only', async () => {
    const ws = createWorkspace();
    const dir = mkdtempSync(path.join(tmpdir(), 'verbatim-control-'));
    const claim = await claimDataDir(dir); // only what the lock file says is used here
    const handle = await openDatabase({});
    try {
      await migrate(handle.db, ws.migrations);
      let changes = 0;
      const live = await startLiveMigrations({
        ...{ db: handle.db, folder: ws.migrations, claim, location: 'PGlite in memory' },
        logger: { info: () => {}, warn: () => {}, error: () => {} },
        onChange: () => Promise.resolve(changes++),
        // Neither the watcher nor the poll comes first: the request alone applies it.
        debounceMs: 600_000,
        pollMs: 600_000,
      });
      try {
        const { tag } = addSeed(ws.seed(ALPHA), ws.folders);
        const control = owner(dir)?.control;
        expect(control).toBeDefined();
        const total = migrationTags(ws.migrations).length;
        expect(await requestMigrate(control!, ws.migrations)).toEqual({ ok: true, applied: [tag], total });
        expect(changes).toBeGreaterThan(0);
        expect(await requestMigrate(control!, ws.migrations)).toEqual({ ok: true, applied: [], total });
        const elsewhere = await requestMigrate(control!, path.join(ws.dir, 'other'));
        expect(elsewhere).toEqual({
          ok: false,
          error: expect.stringContaining(`this server applies migrations from ${ws.migrations}`) as unknown,
        });
      } finally {
        await live.stop();
      }
      // Stopped: nothing answers there any more.
      expect(await requestMigrate(owner(dir)!.control!, ws.migrations)).toBeUndefined();
    } finally {
      await handle.close();
      claim.release();
      ws.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
