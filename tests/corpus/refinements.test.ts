/**
 * Refinements on both databases: a later seed (gamma) adds a finer date to two events of the
 * alpha seed and an alias to its speaker; the migration applies it, a correction of alpha keeps
 * it, a correction of gamma takes part of it back, a retraction of gamma restores alpha's values;
 * a fresh database that replays every migration ends in the same state. Contradictions are
 * refused, naming both places.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSeed, checkCorpus, retractArticle } from '../../src/corpus/commands.js';
import { formatProblem, SeedProblems } from '../../src/corpus/problems.js';
import { migrate } from '../../src/db/migrate.js';
import { queryRows } from '../../src/db/rows.js';
import { describeEachDatabase, testTargets } from '../helpers/databases.js';
import { ALPHA, createWorkspace, dump, edit, lineOf, type Workspace } from './workspace.js';

const GAMMA = '2025-09-10-gamma-article.yaml';

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SeedProblems) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the command to refuse');
}

describeEachDatabase(
  'corpus: refinements',
  (suite) => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = createWorkspace();
      await migrate(suite.db, ws.migrations);
    });
    afterAll(() => ws.remove());

    const events = async () =>
      Object.fromEntries(
        (
          await queryRows<{ slug: string; date_start: string; date_end: string; date_precision: string; date_text: string }>(
            suite.db,
            sql`SELECT slug, date_start::text, date_end::text, date_precision, date_text FROM events ORDER BY slug`,
          )
        ).map((e) => [e.slug, [e.date_start, e.date_end, e.date_precision, e.date_text]]),
      );
    const aliases = async () =>
      (await queryRows<{ aliases: string[] }>(suite.db, sql`SELECT aliases FROM speakers WHERE slug = 'ana-lopez'`))[0]?.aliases;
    const applied = async () => (await migrate(suite.db, ws.migrations)).applied;

    const ALPHA_DATES = {
      'drug-seizure': ['2025-07-29', '2025-08-04', 'APPROXIMATE', 'Two weeks ago'],
      'red-gang-designation': ['2025-02-01', '2025-02-28', 'MONTH', 'In February'],
    };
    const GAMMA_DATES = {
      'drug-seizure': ['2025-08-01', '2025-08-01', 'DAY', 'on August 1'],
      'red-gang-designation': ['2025-02-03', '2025-02-03', 'DAY', 'on February 3'],
    };

    it('the refining migration applies the finer dates and the alias, and records them in its header', async () => {
      addSeed(ws.seed(ALPHA), ws.folders);
      expect(await applied()).toHaveLength(1);
      expect(await events()).toEqual(ALPHA_DATES);
      const r = addSeed(ws.seed(GAMMA), ws.folders);
      expect(r).toMatchObject({ status: 'written', action: 'add' });
      const text = ws.read(`migrations/${r.status === 'written' ? r.tag : ''}.sql`);
      expect(text).toContain(
        '-- refines: {"kind":"event","slug":"red-gang-designation","date":{"start":"2025-02-03","end":"2025-02-03","precision":"DAY","text":"on February 3","external":false}}',
      );
      expect(text).toContain('-- refines: {"kind":"speaker","slug":"ana-lopez","aliases":["Ana López García"]}');
      expect(await applied()).toHaveLength(1);
      expect(await events()).toEqual(GAMMA_DATES);
      expect(await aliases()).toEqual(['López', 'Ana López García']);
      expect(checkCorpus(ws.folders).problems).toEqual([]);
    });

    it('a correction of the defining seed keeps the refinements', async () => {
      ws.seed(ALPHA, edit('title: Officials seize 51 tons of drugs', 'title: Officials seize 51 tons of cocaine'));
      expect(addSeed(`seeds/${ALPHA}`, ws.folders)).toMatchObject({ action: 'correct' });
      expect(await applied()).toHaveLength(1);
      expect(await events()).toEqual(GAMMA_DATES);
      expect(await aliases()).toEqual(['López', 'Ana López García']);
      const title = await queryRows<{ title: string }>(suite.db, sql`SELECT title FROM events WHERE slug = 'drug-seizure'`);
      expect(title[0]?.title).toBe('Officials seize 51 tons of cocaine');
    });

    it('a correction of the refining seed that drops a refinement restores the definition there', async () => {
      ws.seed(GAMMA, (t) =>
        t.replace('    date: { text: on August 1, value: 2025-08-01 }\n', '').replace('    aliases: [Ana López García]\n', ''),
      );
      expect(addSeed(`seeds/${GAMMA}`, ws.folders)).toMatchObject({ action: 'correct' });
      expect(await applied()).toHaveLength(1);
      expect(await events()).toEqual({ ...GAMMA_DATES, 'drug-seizure': ALPHA_DATES['drug-seizure'] });
      expect(await aliases()).toEqual(['López']);
      // And back.
      ws.seed(GAMMA);
      addSeed(`seeds/${GAMMA}`, ws.folders);
      expect(await applied()).toHaveLength(1);
      expect(await events()).toEqual(GAMMA_DATES);
    });

    it('refuses contradictions, and a change to the definition that would contradict a refinement', () => {
      const gamma = ws.read(`seeds/${GAMMA}`);
      const at = (needle: string) => `seeds/${GAMMA}:${lineOf(gamma, needle)}`;
      const alpha = ws.read(`seeds/${ALPHA}`);
      const alphaAt = (needle: string) => `seeds/${ALPHA}:${lineOf(alpha, needle)}`;

      ws.seed(GAMMA, edit('value: 2025-08-01 }', 'value: 2025-08-09 }'));
      expect(problems(() => addSeed(`seeds/${GAMMA}`, ws.folders))).toEqual([
        `${at('value: 2025-08-01')} events[1].date.value: 2025-08-09 DAY contradicts the date ${alphaAt('slug: drug-seizure')} gives event drug-seizure (2025-07-29/2025-08-04 APPROXIMATE): a refinement lies inside it`,
      ]);
      ws.seed(GAMMA, edit('{ text: on February 3, value: 2025-02-03 }', '{ text: on February 3, value: 2025-02 }'));
      expect(problems(() => addSeed(`seeds/${GAMMA}`, ws.folders))).toEqual([
        `${at('value: 2025-02-03')} events[0].date.value: adds nothing: ${alphaAt('slug: red-gang-designation')} already dates event red-gang-designation 2025-02-01/2025-02-28 MONTH; a refinement is a shorter range or a finer precision (or leave date out)`,
      ]);
      ws.seed(GAMMA, edit('aliases: [Ana López García]', 'aliases: [LOPEZ]'));
      expect(problems(() => addSeed(`seeds/${GAMMA}`, ws.folders))).toEqual([
        `${at('aliases:')} speakers[0].aliases[0]: "LOPEZ" already names speaker ana-lopez (${alphaAt('slug: ana-lopez')}): a refinement adds new names`,
      ]);
      ws.seed(GAMMA);

      // Alpha moves the seizure to July: gamma's August 1 would no longer be inside it.
      ws.seed(ALPHA, edit('value: 2025-07-29/2025-08-04', 'value: 2025-07-20/2025-07-26'));
      expect(problems(() => addSeed(`seeds/${ALPHA}`, ws.folders))).toEqual([
        `${at('value: 2025-08-01')} events[1].date.value: 2025-08-01 DAY contradicts the date ${alphaAt('slug: drug-seizure')} gives event drug-seizure (2025-07-20/2025-07-26 APPROXIMATE): a refinement lies inside it`,
      ]);
      // A new speaker named like the alias gamma adds is the same speaker.
      ws.seed(
        ALPHA,
        edit('  - slug: ana-lopez\n', '  - slug: maria-garcia\n    name: ana lopez garcia\n    kind: PERSON\n  - slug: ana-lopez\n'),
      );
      expect(problems(() => addSeed(`seeds/${ALPHA}`, ws.folders))).toContain(
        `seeds/${ALPHA}:${lineOf(ws.read(`seeds/${ALPHA}`), 'name: ana lopez garcia')} speakers[0].name: "ana lopez garcia": this speaker already exists as ana-lopez (an alias added in seeds/${GAMMA}:${lineOf(gamma, 'aliases:')})`,
      );
      ws.seed(ALPHA, edit('title: Officials seize 51 tons of drugs', 'title: Officials seize 51 tons of cocaine'));
    });

    it('a retraction of the refining seed restores the definition’s values; a fresh database replays to the same state', async () => {
      retractArticle('gamma-article', ws.folders);
      expect(await applied()).toHaveLength(1);
      expect(await events()).toEqual(ALPHA_DATES);
      expect(await aliases()).toEqual(['López']);
      expect(checkCorpus(ws.folders).problems).toEqual([]);

      const target = testTargets.find((t) => t.name === suite.target.name)!;
      const fresh = await target.open();
      try {
        await migrate(fresh.db, ws.migrations);
        // created_at is when the row was written: the only column that may differ.
        const state = async (db: typeof suite.db) => {
          const d = await dump(db, { replacedIds: false });
          return { ...d, articles: d.articles!.map((a) => ({ ...(a as object), created_at: undefined })) };
        };
        expect(await state(fresh.db)).toEqual(await state(suite.db));
      } finally {
        await fresh.close();
      }
    });
  },
  { migrated: false },
);
