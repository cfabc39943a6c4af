/**
 * The life of an article on both databases: a seed becomes a migration (through the real CLI),
 * the migration is applied, applied again, shared with a second article, corrected and retracted.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSeed, checkCorpus, retractArticle } from '../../src/corpus/commands.js';
import { formatProblem, SeedProblems } from '../../src/corpus/problems.js';
import { migrate } from '../../src/db/migrate.js';
import { queryRows } from '../../src/db/rows.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { ALPHA, BETA, createWorkspace, dump, edit, fixtures, lineOf, runCli, tableCounts, type Workspace } from './workspace.js';

interface QuoteRow extends Record<string, unknown> {
  speaker: string;
  kind: string;
  text: string;
  start_offset: number;
  end_offset: number;
  paragraph: number;
  published_on: string;
  said_start: string | null;
  said_end: string | null;
  said_precision: string | null;
  said_text: string | null;
  verb: string | null;
  speaker_description: string | null;
}

const fixtureBody = (name: string) =>
  (parse(readFileSync(path.join(fixtures, name), 'utf8')) as { article: { body: string } }).article.body.replace(/\n+$/, '');

describeEachDatabase(
  'corpus: seed → migration → database',
  (suite) => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = createWorkspace();
      // The schema only: the repository's own articles are not part of these tests.
      await migrate(suite.db, ws.migrations);
    });
    afterAll(() => ws.remove());

    const articleQuotes = (slug: string) =>
      queryRows<QuoteRow>(
        suite.db,
        sql`SELECT s.slug AS speaker, q.kind, q.text, q.start_offset, q.end_offset, q.paragraph,
                 q.published_on::text, q.said_start::text, q.said_end::text, q.said_precision, q.said_text,
                 q.verb, q.speaker_description
          FROM quotes q JOIN articles a ON a.id = q.article_id JOIN speakers s ON s.id = q.speaker_id
          WHERE a.slug = ${slug} ORDER BY q.start_offset`,
      );
    const articleRow = async (slug: string) =>
      (
        await queryRows<{ id: number; body: string; source_hash: string; published_on: string }>(
          suite.db,
          sql`SELECT id, body, source_hash, published_on::text FROM articles WHERE slug = ${slug}`,
        )
      )[0];
    const eventRows = () =>
      queryRows<{
        slug: string;
        date_start: string | null;
        date_end: string | null;
        date_precision: string | null;
        date_text: string | null;
        sentence: string;
        start_offset: number;
        end_offset: number;
      }>(
        suite.db,
        sql`SELECT e.slug, e.date_start::text, e.date_end::text, e.date_precision, e.date_text, ae.sentence, ae.start_offset, ae.end_offset
          FROM events e JOIN article_events ae ON ae.event_id = e.id ORDER BY ae.start_offset`,
      );

    it('writes a reviewable migration for a new seed and registers it in the journal', async () => {
      const r = await runCli(ws, ['add', ws.seed(ALPHA)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`alpha-article: wrote migrations/${ws.n(1)}_article_alpha-article.sql (new article)`);
      const text = ws.read(`migrations/${ws.n(1)}_article_alpha-article.sql`);
      expect(text).toMatch(/^-- Verbatim article migration/);
      expect(text).toContain('-- seed: seeds/2025-08-15-alpha-article.yaml');
      expect(text).toMatch(/^-- source-hash: sha256:[0-9a-f]{64}$/m);
      expect(text).toContain('--   - A test article.');
      expect(text).toContain('--> statement-breakpoint');
      const journal = JSON.parse(ws.read('migrations/meta/_journal.json')) as { entries: { idx: number; tag: string; when: number }[] };
      // Appended after the last schema migration, with the schema snapshot carried over unchanged.
      const [last, added] = journal.entries.slice(-2);
      expect(added).toMatchObject({ idx: Number(ws.n(1)), tag: `${ws.n(1)}_article_alpha-article` });
      expect(added!.when).toBeGreaterThan(last!.when);
      const previous = JSON.parse(ws.read(`migrations/meta/${ws.n(0)}_snapshot.json`)) as { id: string; tables: unknown };
      const snapshot = JSON.parse(ws.read(`migrations/meta/${ws.n(1)}_snapshot.json`)) as { id: string; prevId: string; tables: unknown };
      expect(snapshot.prevId).toBe(previous.id);
      expect(snapshot.id).not.toBe(previous.id);
      expect(snapshot.tables).toEqual(previous.tables);
    });

    it('applies it: the article, its paragraphs, quotes, events and links, with correct offsets', async () => {
      // An entity of the seed already in the database is updated in place, not duplicated.
      await suite.db.execute(sql`INSERT INTO organizations (slug, name, kind) VALUES ('red-gang', 'Old name', 'OTHER')`);
      const [{ id: existingId }] = (await queryRows<{ id: number }>(
        suite.db,
        sql`SELECT id FROM organizations WHERE slug = 'red-gang'`,
      )) as [{ id: number }];

      const { applied } = await migrate(suite.db, ws.migrations);
      expect(applied).toEqual([`${ws.n(1)}_article_alpha-article`]);

      const article = await articleRow('alpha-article');
      const body = fixtureBody(ALPHA);
      expect(article?.body).toBe(body);
      expect(article?.published_on).toBe('2025-08-15');
      expect(article?.source_hash).toBe(/^-- source-hash: (\S+)$/m.exec(ws.read(`migrations/${ws.n(1)}_article_alpha-article.sql`))?.[1]);

      const paragraphs = await queryRows<{ position: number; start_offset: number; end_offset: number }>(
        suite.db,
        sql`SELECT position, start_offset, end_offset FROM article_paragraphs WHERE article_id = ${article!.id} ORDER BY position`,
      );
      expect(paragraphs.map((p) => p.position)).toEqual([0, 1, 2]);
      expect(paragraphs.map((p) => body.slice(p.start_offset, p.end_offset)).join('\n\n')).toBe(body);

      const quotes = await articleQuotes('alpha-article');
      expect(quotes.map((q) => [q.kind, q.text])).toEqual([
        ['PARTIAL', 'safe and calm,'],
        ['PARTIAL', 'no troops will cross.'],
        ['DIRECT', 'We will not allow it,'],
        ['INDIRECT', 'cooperation continued'],
      ]);
      for (const q of quotes) {
        const passage = body.slice(q.start_offset, q.end_offset);
        if (q.kind === 'INDIRECT') expect(passage).toBe('adding that cooperation continued');
        else expect(passage).toBe(q.text);
        const p = paragraphs.find((x) => x.start_offset <= q.start_offset && q.start_offset < x.end_offset);
        expect(q.paragraph).toBe(p?.position);
        expect(q.published_on).toBe('2025-08-15');
        expect(q.speaker).toBe('ana-lopez');
      }
      // The flag before the first quote is 4 UTF-16 code units.
      expect(quotes[0]!.start_offset).toBe(body.indexOf('safe and calm,'));
      expect(quotes[0]).toMatchObject({
        said_start: '2025-08-12',
        said_end: '2025-08-12',
        said_precision: 'DAY',
        said_text: 'on August 12',
        verb: 'said',
      });
      expect(quotes[2]).toMatchObject({ speaker_description: 'López', said_start: null, said_precision: null });

      const events = await eventRows();
      expect(events.map((e) => [e.slug, e.date_start, e.date_end, e.date_precision, e.date_text])).toEqual([
        ['red-gang-designation', '2025-02-01', '2025-02-28', 'MONTH', 'In February'],
        ['drug-seizure', '2025-07-29', '2025-08-04', 'APPROXIMATE', 'Two weeks ago'],
      ]);
      for (const e of events) expect(body.slice(e.start_offset, e.end_offset)).toBe(e.sentence);

      const participants = await queryRows<{ org: string; role: string }>(
        suite.db,
        sql`SELECT o.slug AS org, p.role FROM event_participants p JOIN organizations o ON o.id = p.organization_id ORDER BY o.slug`,
      );
      expect(participants).toEqual([
        { org: 'ministry-of-defense', role: 'ACTOR' },
        { org: 'red-gang', role: 'TARGET' },
      ]);
      const orgs = await queryRows<{ id: number; slug: string; name: string; parent: string | null }>(
        suite.db,
        sql`SELECT o.id, o.slug, o.name, p.slug AS parent FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id ORDER BY o.slug`,
      );
      expect(orgs.map(({ slug, name, parent }) => ({ slug, name, parent }))).toEqual([
        { slug: 'government-of-nowhere', name: 'Government of Nowhere', parent: null },
        { slug: 'ministry-of-defense', name: 'Ministry of Defense', parent: 'government-of-nowhere' },
        { slug: 'red-gang', name: 'Red Gang', parent: null },
      ]);
      expect(orgs.find((o) => o.slug === 'red-gang')?.id).toBe(existingId);
      const roles = await queryRows(suite.db, sql`SELECT title, start_on::text, end_on::text, dates_external FROM speaker_roles`);
      expect(roles).toEqual([{ title: 'President of Nowhere', start_on: '2024-10-01', end_on: null, dates_external: true }]);
      const links = await queryRows(suite.db, sql`SELECT mention FROM article_speakers`);
      expect(links).toEqual([{ mention: 'Nowhere President Ana López' }]);
    });

    it('applied twice, changes nothing and duplicates nothing', async () => {
      const before = await dump(suite.db, { replacedIds: false });
      const last = readMigrationFiles({ migrationsFolder: ws.migrations }).at(-1)!;
      await suite.db.transaction(async (tx) => {
        for (const statement of last.sql) if (statement.trim()) await tx.execute(sql.raw(statement));
      });
      expect(await dump(suite.db, { replacedIds: false })).toEqual(before);
      expect((await migrate(suite.db, ws.migrations)).applied).toEqual([]);
    });

    it('links a second article to the same speaker row', async () => {
      ws.seed(BETA);
      const result = addSeed(`seeds/${BETA}`, ws.folders);
      expect(result).toMatchObject({ status: 'written', action: 'add', tag: `${ws.n(2)}_article_beta-article` });
      expect((await migrate(suite.db, ws.migrations)).applied).toEqual([`${ws.n(2)}_article_beta-article`]);
      const speakers = await queryRows<{ slug: string; n: number }>(
        suite.db,
        sql`SELECT s.slug, count(*)::int AS n FROM speakers s GROUP BY s.slug ORDER BY s.slug`,
      );
      expect(speakers).toEqual([
        { slug: 'ana-lopez', n: 1 },
        { slug: 'bob-smith', n: 1 },
      ]);
      const linked = await queryRows<{ article: string; speaker: string; mention: string }>(
        suite.db,
        sql`SELECT a.slug AS article, s.slug AS speaker, l.mention FROM article_speakers l
          JOIN articles a ON a.id = l.article_id JOIN speakers s ON s.id = l.speaker_id ORDER BY 1, 2`,
      );
      expect(linked).toEqual([
        { article: 'alpha-article', speaker: 'ana-lopez', mention: 'Nowhere President Ana López' },
        { article: 'beta-article', speaker: 'ana-lopez', mention: 'López' },
        { article: 'beta-article', speaker: 'bob-smith', mention: 'Bob Smith' },
      ]);
      const body = fixtureBody(BETA);
      const quotes = await articleQuotes('beta-article');
      expect(quotes.map((q) => [q.speaker, body.slice(q.start_offset, q.end_offset), q.published_on])).toEqual([
        ['ana-lopez', 'The gang is finished,', '2025-09-01'],
        ['bob-smith', 'nothing will change.', '2025-09-01'],
      ]);
      expect(quotes[1]).toMatchObject({ said_start: '2025-07-01', said_end: '2025-07-31', said_precision: 'MONTH' });
      expect(checkCorpus(ws.folders).problems).toEqual([]);
    });

    it('corrects an article: a quote fixed, an event added, a date made more precise, an entity dropped', async () => {
      const betaBefore = await articleQuotes('beta-article');
      ws.seed(ALPHA, (t) =>
        [
          edit('    text: safe and calm,\n', '    text: safe and calm\n'),
          edit('      value: 2025-02\n', '      value: 2025-02-14\n'),
          edit('      - organization: red-gang\n        role: TARGET\n', ''),
          edit('  - slug: red-gang\n    name: Red Gang\n    kind: CRIMINAL_ORGANIZATION\n    mention: the Red Gang\n', ''),
          edit(
            'quotes:\n',
            `  - slug: ministry-statement
    title: The ministry reports the seizure
    kind: STATEMENT
    participants:
      - organization: ministry-of-defense
        role: ACTOR
    sentence: the ministry said.

quotes:
`,
          ),
        ].reduce((text, f) => f(text), t),
      );
      const r = await runCli(ws, ['add', `seeds/${ALPHA}`]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`alpha-article: wrote migrations/${ws.n(3)}_article_alpha-article.sql (correction)`);
      expect(ws.read(`migrations/${ws.n(3)}_article_alpha-article.sql`)).toContain(
        `-- action: correct (after ${ws.n(1)}_article_alpha-article)`,
      );
      expect((await migrate(suite.db, ws.migrations)).applied).toEqual([`${ws.n(3)}_article_alpha-article`]);

      const body = fixtureBody(ALPHA);
      const quotes = await articleQuotes('alpha-article');
      expect(quotes).toHaveLength(4);
      expect(quotes[0]!.text).toBe('safe and calm');
      expect(body.slice(quotes[0]!.start_offset, quotes[0]!.end_offset)).toBe('safe and calm');
      const events = await eventRows();
      expect(events.map((e) => [e.slug, e.date_start, e.date_end, e.date_precision])).toEqual([
        ['red-gang-designation', '2025-02-14', '2025-02-14', 'DAY'],
        ['drug-seizure', '2025-07-29', '2025-08-04', 'APPROXIMATE'],
        ['ministry-statement', null, null, null],
      ]);
      expect(body.slice(events[2]!.start_offset, events[2]!.end_offset)).toBe('the ministry said.');
      const orgs = await queryRows<{ slug: string }>(suite.db, sql`SELECT slug FROM organizations ORDER BY slug`);
      expect(orgs.map((o) => o.slug)).toEqual(['government-of-nowhere', 'ministry-of-defense']);
      const counts = await tableCounts(suite.db);
      expect(counts).toMatchObject({ articles: 2, quotes: 6, events: 3, event_participants: 2, speakers: 2, article_events: 3 });
      // The other article is untouched.
      expect(await articleQuotes('beta-article')).toEqual(betaBefore);

      const files = ws.files();
      const again = await runCli(ws, ['add', `seeds/${ALPHA}`]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`alpha-article: nothing changed since ${ws.n(3)}_article_alpha-article; nothing written.`);
      expect(ws.files()).toEqual(files);
      expect(checkCorpus(ws.folders).problems).toEqual([]);
    });

    it('retracts an article, keeping the entities other articles still use', async () => {
      // alpha defines ana-lopez, whom beta refers to: retracting alpha first would break beta.
      const files = ws.files();
      let refused: unknown;
      try {
        retractArticle('alpha-article', ws.folders);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(SeedProblems);
      const lines = (refused as SeedProblems).problems.map(formatProblem);
      const line = lineOf(ws.read(`seeds/${BETA}`), 'ref: ana-lopez');
      expect(lines).toContain(`seeds/${BETA}:${line} speakers[0].ref: unknown speaker ana-lopez: no seed defines it`);
      expect(ws.files()).toEqual(files);

      const r = await runCli(ws, ['retract', `seeds/${BETA}`]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`beta-article: wrote migrations/${ws.n(4)}_retract_beta-article.sql`);
      expect(r.stdout).toContain(`Removed seeds/${BETA}`);
      expect(Object.keys(ws.files())).not.toContain(`seeds/${BETA}`);
      const alphaBefore = await articleQuotes('alpha-article');
      expect((await migrate(suite.db, ws.migrations)).applied).toEqual([`${ws.n(4)}_retract_beta-article`]);
      const speakers = await queryRows<{ slug: string }>(suite.db, sql`SELECT slug FROM speakers ORDER BY slug`);
      expect(speakers.map((s) => s.slug)).toEqual(['ana-lopez']);
      expect(await articleRow('beta-article')).toBeUndefined();
      expect(await articleQuotes('alpha-article')).toEqual(alphaBefore);
      expect(checkCorpus(ws.folders).problems).toEqual([]);

      retractArticle('alpha-article', ws.folders);
      expect((await migrate(suite.db, ws.migrations)).applied).toEqual([`${ws.n(5)}_retract_alpha-article`]);
      const counts = await tableCounts(suite.db);
      expect(
        Object.values(counts).every((n) => n === 0),
        JSON.stringify(counts),
      ).toBe(true);
      expect(checkCorpus(ws.folders)).toMatchObject({ seeds: 0, problems: [] });
    });

    it('refuses to apply an article whose referenced entities are missing, and changes nothing', async () => {
      // beta's migration refers to ana-lopez, retracted above with alpha. Replay it as a new migration.
      const folder = path.join(ws.dir, 'replay');
      cpSync(ws.migrations, folder, { recursive: true });
      const journalFile = path.join(folder, 'meta/_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string; when: number }[] };
      const beta = journal.entries.find((e) => e.tag === `${ws.n(2)}_article_beta-article`)!;
      journal.entries.push({ ...beta, tag: `${ws.n(6)}_replay`, when: journal.entries.at(-1)!.when + 1 });
      writeFileSync(journalFile, JSON.stringify(journal));
      cpSync(path.join(folder, `${beta.tag}.sql`), path.join(folder, `${ws.n(6)}_replay.sql`));

      const before = await dump(suite.db);
      await expect(migrate(suite.db, folder)).rejects.toThrow(
        /^migration \d{4}_replay failed at statement 1: article beta-article refers to entities that are not in the database: speakers ana-lopez \(apply the migrations of the seeds that define them first\); nothing of it was applied$/,
      );
      expect(await dump(suite.db)).toEqual(before);
    });
  },
  { migrated: false },
);
