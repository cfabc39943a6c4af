/**
 * One owner for the embedded data folder, with real processes: two servers started at the same
 * moment on one folder (fresh, then migrated), an owner killed with SIGKILL, a port clash.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { migrate, migrationTags } from '../../src/db/migrate.js';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../helpers/process.js';
import {
  fileCount,
  COUNTS,
  folderState,
  graphql,
  launch,
  owner,
  recordedTimes,
  stopOwner,
  waitFor,
  withFolder,
  type Launched,
} from './owner-helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'verbatim-owner-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** A fresh start migrates and seeds: seconds, but minutes on a loaded 2-core machine. */
const START_MS = 240_000;
const embedded = (dataDir: string, extra: Record<string, string> = {}) => ({ DATABASE_URL: '', DATA_DIR: dataDir, ...extra });

/** The seed corpus as the API counts it, from an in-memory database migrated in this process. */
let reference: unknown;
beforeAll(async () => {
  const handle = await openDatabase({});
  await migrate(handle.db);
  const response = await createApp({ db: handle.db }).fetch('http://verbatim.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: COUNTS }),
  });
  reference = await response.json();
  await handle.close();
  expect(JSON.stringify(reference)).toMatch(/"quotes":\{"totalCount":[1-9]/);
}, 60_000);

/** Every migration recorded exactly once in the folder (opened here, after its servers stopped). */
const expectMigratedOnce = async (dataDir: string) =>
  expect(await withFolder(dataDir, recordedTimes)).toEqual(migrationTags().map(() => 1));

const BUSY = (dataDir: string) =>
  new RegExp(
    `^verbatim: the embedded database in ${dataDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is in use by Verbatim process pid (\\d+) ` +
      `\\(node src/server/main\\.ts, since [0-9T:.Z-]+\\): stop it first, or set DATA_DIR to use another folder$`,
  );

/** Starts two servers on `dataDir` at once: exactly one serves; the other says who has the folder. */
async function race(dataDir: string): Promise<{ winner: Launched; url: string }> {
  const pair = [launch(embedded(dataDir)), launch(embedded(dataDir))];
  try {
    const outcomes = await Promise.all(pair.map((p) => p.outcome));
    const output = pair.map((p) => p.stdout() + p.stderr()).join('\n---\n');
    expect(
      outcomes.filter((o) => o.serving),
      output,
    ).toHaveLength(1);
    const won = outcomes.findIndex((o) => o.serving);
    const winner = pair[won]!;
    const url = (outcomes[won] as { url: string }).url;
    const loser = pair.find((p) => p !== winner)!;
    expect(await loser.exited, output).not.toBe(0);
    expect(loser.stdout(), output).toBe('');
    const lines = loser.stderr().trimEnd().split('\n');
    expect(lines, output).toHaveLength(1);
    const pid = BUSY(dataDir).exec(lines[0]!)?.[1];
    expect(pid, output).toBeDefined();
    // The pid named is the process holding the folder (the node process under tsx).
    expect(Number(pid)).toBe(owner(dataDir)?.pid);
    return { winner, url };
  } catch (error) {
    await Promise.all(pair.map((p) => p.stop('SIGKILL')));
    throw error;
  }
}

describe('two servers started at the same moment on one data folder', () => {
  const ROUNDS = 8;
  it(`leave exactly one serving and the folder healthy, ${ROUNDS} rounds, fresh and then migrated`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const dataDir = path.join(scratch, `race-${round}`); // does not exist yet
      // The second race's winner is the third start on the folder: it finds everything there.
      for (const state of ['fresh', 'migrated']) {
        const { winner, url } = await race(dataDir);
        try {
          expect(await graphql(url, COUNTS), `round ${round}, ${state}`).toEqual(reference);
        } finally {
          expect(await stopOwner(winner, dataDir)).toBe(0);
        }
      }
      await expectMigratedOnce(dataDir);
    }
  }, 1_500_000);
});

describe('an owner killed with SIGKILL', () => {
  it('leaves no lock behind: the next start takes the folder, at any point of the first migrate or later', async () => {
    // Points of progress, not of time (a loaded machine is slower): files the folder has (PGlite's
    // initdb writes ~1,000, the migrations add some), then serving.
    for (const [i, point] of ([2, 300, 900, 1_050, 'serving'] as const).entries()) {
      const dataDir = path.join(scratch, `kill-${i}`);
      const first = launch(embedded(dataDir));
      const pid = await waitFor('the lock file', () => owner(dataDir)?.pid, 120_000);
      if (point === 'serving') expect((await first.outcome).serving).toBe(true);
      else await waitFor(`${point} files`, () => fileCount(dataDir) >= point || first.child.exitCode !== null, 120_000);
      process.kill(pid, 'SIGKILL');
      await first.exited;
      const next = await startServer(embedded(dataDir), START_MS);
      try {
        expect(await graphql(next.url, COUNTS), `killed at ${point}`).toEqual(reference);
        expect(owner(dataDir)?.pid).not.toBe(pid);
      } finally {
        expect(await stopOwner(next, dataDir)).toBe(0);
      }
      await expectMigratedOnce(dataDir);
    }
  }, 1_200_000);
});

describe('a port already in use', () => {
  it('stops the second server with one line, before it touches its data folder', async () => {
    const migrated = path.join(scratch, 'port-migrated');
    const prepare = await startServer(embedded(migrated), START_MS);
    expect(await stopOwner(prepare, migrated)).toBe(0);
    const before = folderState(migrated);

    const holder = await startServer(embedded(path.join(scratch, 'port-holder')), START_MS);
    try {
      const port = new URL(holder.url).port;
      for (const dataDir of [path.join(scratch, 'port-fresh'), migrated]) {
        const state = folderState(dataDir);
        const second = launch(embedded(dataDir, { PORT: port }));
        expect(await second.outcome).toEqual({ serving: false, code: 1 });
        expect(second.stderr().trimEnd().split('\n')).toEqual([
          `verbatim: port ${port} on 127.0.0.1 is in use by another process: stop it, or set PORT (0 picks a free port)`,
        ]);
        expect(folderState(dataDir)).toEqual(state);
      }
      expect(existsSync(path.join(scratch, 'port-fresh'))).toBe(false);
      expect(folderState(migrated)).toEqual(before);
    } finally {
      expect(await stopOwner(holder, path.join(scratch, 'port-holder'))).toBe(0);
    }
    // A copy of the untouched folder still opens.
    cpSync(migrated, `${migrated}-copy`, { recursive: true });
    await expectMigratedOnce(`${migrated}-copy`);
  }, 900_000);
});
