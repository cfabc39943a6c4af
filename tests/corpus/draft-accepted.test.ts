/**
 * From a raw article to a migrated database in three commands, on both databases, on a temporary
 * copy of the corpus folders: corpus:draft (a real process), review (the draft as written), and
 * corpus:add; the migration applied. The seed article's raw export drafts into a seed corpus:add
 * accepts; a later article drafts with the corpus's entities as ref:s and its finer date as a
 * refinement; what the drafter could not settle is refused, one line per item.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSeed } from '../../src/corpus/commands.js';
import type { Seed } from '../../src/corpus/format.js';
import { formatProblem, SeedProblems } from '../../src/corpus/problems.js';
import { migrate } from '../../src/db/migrate.js';
import { queryRows } from '../../src/db/rows.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { createWorkspace, root, runCli, type Workspace } from './workspace.js';

const HELDOUT = path.join(root, 'tests/corpus/fixtures/heldout');

describeEachDatabase(
  'corpus: raw article → draft → corpus:add → database',
  (suite) => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = createWorkspace();
      await migrate(suite.db, ws.migrations);
    });
    afterAll(() => ws.remove());

    async function draft(raw: string): Promise<{ file: string; seed: Seed }> {
      const r = await runCli(ws, ['draft', raw]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const file = /^wrote (\S+):/m.exec(r.stdout)?.[1];
      expect(file).toBeDefined();
      return { file: file!, seed: parse(readFileSync(path.join(ws.dir, file!), 'utf8')) as Seed };
    }

    it('drafts the seed article’s raw export into a seed corpus:add accepts, and migrates it', async () => {
      const { file, seed } = await draft(path.join(root, 'seeds/raw/2025-08-15-trump-orders-pentagon-military-force-cartels.md'));
      expect(file).toBe('seeds/2025-08-15-trump-orders-pentagon-use-military-force.yaml');
      const reviewed = parse(
        readFileSync(path.join(root, 'seeds/2025-08-15-trump-orders-pentagon-military-force-cartels.yaml'), 'utf8'),
      ) as Seed;
      expect(seed.article.body).toBe(reviewed.article.body.replace(/\n+$/, ''));
      expect(addSeed(file, ws.folders)).toMatchObject({ status: 'written', action: 'add' });
      expect(await migrate(suite.db, ws.migrations)).toMatchObject({
        applied: [expect.stringMatching(/_article_trump-orders-pentagon-use-military-force$/)],
      });
      const [row] = await queryRows<{ quotes: number }>(
        suite.db,
        sql`SELECT count(*)::int AS quotes FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.slug = 'trump-orders-pentagon-use-military-force'`,
      );
      expect(Number(row?.quotes)).toBe(seed.quotes!.length);
    });

    it('drafts a later article with the corpus’s entities as ref:s and a finer date as a refinement, and migrates it', async () => {
      cpSync(
        path.join(HELDOUT, 'seeds/2025-10-09-valdora-dockworkers-walk-out.yaml'),
        path.join(ws.seeds, '2025-10-09-valdora-dockworkers-walk-out.yaml'),
      );
      addSeed('seeds/2025-10-09-valdora-dockworkers-walk-out.yaml', ws.folders);
      await migrate(suite.db, ws.migrations);
      const { file, seed } = await draft(path.join(HELDOUT, 'raw/2025-10-20-valdora-port-reopens-after-deal.txt'));
      expect(seed.speakers).toEqual(expect.arrayContaining([{ ref: 'maria-okafor', mention: 'Maria Okafor' }]));
      expect(seed.events).toEqual(
        expect.arrayContaining([
          {
            ref: 'valdora-union-votes-to-strike',
            sentence: 'Members of the Dockworkers Union Local 12 had authorized it in a vote on September 24.',
            date: { text: 'on September 24', value: '2025-09-24' },
          },
        ]),
      );
      expect(addSeed(file, ws.folders)).toMatchObject({ status: 'written', action: 'add' });
      await migrate(suite.db, ws.migrations);
      const [event] = await queryRows<{ date_start: string; date_precision: string }>(
        suite.db,
        sql`SELECT date_start::text AS date_start, date_precision FROM events WHERE slug = 'valdora-union-votes-to-strike'`,
      );
      expect(event).toEqual({ date_start: '2025-09-24', date_precision: 'DAY' });
    });

    it('lists what the drafter could not settle, one line each, and corpus:add refuses it until settled', async () => {
      const raw = path.join(ws.dir, 'unsettled.md');
      writeFileSync(
        raw,
        '# A sign on the wall\n\n4 March 2025\n\n“Nobody knows who wrote this,” is painted on the wall.\n\nTom Hale said the wall would be cleaned.\n',
      );
      const r = await runCli(ws, ['draft', raw]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('1 item(s) not settled');
      expect(r.stdout).toContain('quote “Nobody knows who wrote this” (paragraph 1): no speaker found');
      const file = /^wrote (\S+):/m.exec(r.stdout)![1]!;
      let error: unknown;
      try {
        addSeed(file, ws.folders);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SeedProblems);
      expect((error as SeedProblems).problems.map(formatProblem)).toEqual([
        expect.stringMatching(
          /^seeds\/2025-03-04-sign-wall\.yaml:\d+ quotes\[0\]\.todo: not settled: who says this\? no attribution found \(paragraph 1\) \(settle it, then delete the todo key\)$/,
        ),
      ]);
    });
  },
  { migrated: false },
);
