/**
 * Each kind of bad seed is refused with a message naming the file, line, path and problem; no
 * migration is written, the journal is unchanged, and the database (which already has an article)
 * is unchanged too.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSeed } from '../../src/corpus/commands.js';
import { formatProblem, SeedProblems } from '../../src/corpus/problems.js';
import { migrate } from '../../src/db/migrate.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { ALPHA, BETA, createWorkspace, dump, edit, lineOf, runCli, type Workspace } from './workspace.js';

describeEachDatabase(
  'corpus: bad seeds',
  (suite) => {
    let ws: Workspace;
    beforeAll(async () => {
      ws = createWorkspace();
      addSeed(ws.seed(ALPHA), ws.folders);
      await migrate(suite.db, ws.migrations);
    });
    afterAll(() => ws.remove());

    /**
     * Writes the seed, runs corpus:add on it (a real process, or in-process), and returns the
     * problem lines after checking that nothing was written or applied. The seed is removed after.
     */
    async function refused(
      name: string,
      text: (t: string) => string,
      via: 'cli' | 'api' = 'api',
    ): Promise<{ lines: string[]; seed: string; line: (needle: string, after?: string) => number }> {
      const file = ws.seed(name === ALPHA ? ALPHA : BETA, text, name);
      const seedText = ws.read(file);
      const files = ws.files();
      const before = await dump(suite.db);
      let lines: string[];
      if (via === 'cli') {
        const r = await runCli(ws, ['add', file]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        const [summary, ...rest] = r.stderr.trim().split('\n');
        expect(summary).toMatch(/^\d+ problems?; nothing was written:$/);
        lines = rest;
      } else {
        let error: unknown;
        try {
          addSeed(file, ws.folders);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(SeedProblems);
        lines = (error as SeedProblems).problems.map(formatProblem);
      }
      expect(ws.files()).toEqual(files);
      expect((await migrate(suite.db, ws.migrations)).applied).toEqual([]);
      expect(await dump(suite.db)).toEqual(before);
      if (name === ALPHA) ws.seed(ALPHA);
      else rmSync(path.join(ws.dir, file));
      return {
        lines,
        seed: file,
        line: (needle, after) => lineOf(seedText, needle, after === undefined ? 0 : lineOf(seedText, after)),
      };
    }

    it('an unknown reference (a real process: every problem at once, one line each)', async () => {
      const r = await refused(
        BETA,
        (t) =>
          [edit('  - ref: ana-lopez\n', '  - ref: ana-lopes\n'), edit('  - speaker: bob-smith\n', '  - speaker: bobby-smith\n')].reduce(
            (x, f) => f(x),
            t,
          ),
        'cli',
      );
      expect(r.lines).toContain(
        `${r.seed}:${r.line('ref: ana-lopes')} speakers[0].ref: unknown speaker ana-lopes: no seed defines it (did you mean ana-lopez?)`,
      );
      expect(r.lines).toContain(
        `${r.seed}:${r.line('speaker: bobby-smith')} quotes[1].speaker: unknown speaker bobby-smith: not defined in this seed nor in any other seed (did you mean bob-smith?)`,
      );
      expect(r.lines).toHaveLength(2);
    });

    it('a DIRECT quote not found in the body', async () => {
      const r = await refused(BETA, edit('text: The gang is finished,', 'text: The gang is done,'));
      expect(r.lines).toEqual([`${r.seed}:${r.line('The gang is done')} quotes[0].text: not found in the article body`]);
    });

    it('a PARTIAL quote not found, with a hint when only quotation marks differ', async () => {
      const r = await refused(BETA, edit('    text: nothing will change.\n', `    text: "that \\"nothing will change.\\""\n`));
      expect(r.lines).toEqual([
        `${r.seed}:${r.line('text: "that')} quotes[1].text: not found in the article body (the body has ${JSON.stringify('that “nothing will change.”')}: case, quotation marks or dashes differ)`,
      ]);
    });

    it('a quote found twice without occurrence, or a wrong occurrence', async () => {
      const twice = await refused(
        BETA,
        edit(
          'Smith said in July that “nothing will change.”',
          'Smith said in July that “nothing will change.” Yes: “nothing will change.”',
        ),
      );
      expect(twice.lines).toEqual([
        `${twice.seed}:${twice.line('text: nothing will change.')} quotes[1].text: found 2 times in the article body (paragraphs 1, 1, 0-based); add occurrence: 1..2 to pick one`,
      ]);
      const wrong = await refused(BETA, edit('    text: nothing will change.\n', '    text: nothing will change.\n    occurrence: 2\n'));
      expect(wrong.lines).toEqual([
        `${wrong.seed}:${wrong.line('text: nothing will change.')} quotes[1].text: occurrence 2 asked, but the text occurs 1 time(s) in the body`,
      ]);
    });

    it('a DIRECT quote whose words are not inside quotation marks in the body', async () => {
      const r = await refused(
        BETA,
        edit(
          '  - speaker: bob-smith\n    kind: PARTIAL\n',
          '  - speaker: bob-smith\n    kind: DIRECT\n    text: López was right\n  - speaker: bob-smith\n    kind: PARTIAL\n',
        ),
      );
      expect(r.lines).toEqual([
        `${r.seed}:${r.line('text: López was right')} quotes[1].text: a DIRECT quote must stand inside quotation marks in the body, and this text does not (an INDIRECT quote, with passage:, reports words without marks)`,
      ]);
    });

    it('a PARTIAL quote that takes in a quotation mark, or runs over one', async () => {
      const opening = await refused(BETA, edit('    text: nothing will change.\n', '    text: “nothing will change.\n'));
      expect(opening.lines).toEqual([
        `${opening.seed}:${opening.line('text: “nothing')} quotes[1].text: a PARTIAL quote is the words inside the quotation marks: the text starts with the mark “ (leave it out)`,
      ]);
      const closing = await refused(BETA, edit('    text: nothing will change.\n', '    text: nothing will change.”\n'));
      expect(closing.lines).toEqual([
        `${closing.seed}:${closing.line('text: nothing will change.”')} quotes[1].text: a PARTIAL quote is the words inside the quotation marks: the text ends with the mark ” (leave it out)`,
      ]);
      const across = await refused(BETA, edit('    text: The gang is finished,\n', '    text: The gang is finished,” López told\n'));
      expect(across.lines).toEqual([
        `${across.seed}:${across.line('text: The gang is finished,” López')} quotes[0].text: a DIRECT quote is the words inside one quotation: this text runs over a quotation mark (split it into one quote per quotation)`,
      ]);
    });

    it('an item the drafter left unsettled (todo)', async () => {
      const r = await refused(BETA, edit('    verb: told\n', '    verb: told\n    todo: who says this? no attribution found\n'));
      expect(r.lines).toEqual([
        `${r.seed}:${r.line('todo: who says')} quotes[0].todo: not settled: who says this? no attribution found (settle it, then delete the todo key)`,
      ]);
    });

    it('an INDIRECT quote without its passage', async () => {
      const r = await refused(
        BETA,
        edit('    kind: PARTIAL\n    text: nothing will change.\n', '    kind: INDIRECT\n    text: nothing would change\n'),
      );
      expect(r.lines).toEqual([
        `${r.seed}:${r.line('speaker: bob-smith', 'quotes:')} quotes[1].passage: is required for an INDIRECT quote: the words of the body that report it`,
      ]);
    });

    it('malformed dates', async () => {
      const r = await refused(BETA, edit('      value: 2025-07\n', '      value: 2025-7\n'));
      expect(r.lines).toEqual([
        `${r.seed}:${r.line('value: 2025-7')} quotes[1].said.value: "2025-7" is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, YYY0s or A/B`,
      ]);
      const words = await refused(BETA, edit('      value: 2025-07\n', '      value: July 2025\n'));
      expect(words.lines).toEqual([
        `${words.seed}:${words.line('value: July')} quotes[1].said.value: must look like YYYY-MM-DD, YYYY-MM, YYYY, YYY0s or A/B (got "July 2025")`,
      ]);
    });

    it('an impossible date', async () => {
      const r = await refused(BETA, edit('      value: 2025-07\n', '      value: 2025-02-30\n'));
      expect(r.lines).toEqual([
        `${r.seed}:${r.line('value: 2025-02-30')} quotes[1].said.value: 2025-02-30 is not a date (February 2025 has 28 days)`,
      ]);
      const role = await refused(ALPHA, edit('start: 2024-10-01', 'start: 2024-09-31'));
      expect(role.lines).toEqual([
        `${role.seed}:${role.line('start: 2024-09-31')} speakers[0].roles[0].start: 2024-09-31 is not a date (September 2024 has 30 days)`,
      ]);
    });

    it('duplicate slugs, in the file and across seeds', async () => {
      const across = await refused(
        BETA,
        edit('  - ref: ana-lopez\n    mention: López\n', '  - slug: ana-lopez\n    name: Ana López\n    kind: PERSON\n'),
      );
      expect(across.lines).toEqual([
        `${across.seed}:${across.line('slug: ana-lopez')} speakers[0].slug: speaker ana-lopez is already defined in seeds/${ALPHA}:${lineOf(ws.read(`seeds/${ALPHA}`), 'slug: ana-lopez')}; use "ref: ana-lopez" here`,
      ]);
      const within = await refused(BETA, edit('\nquotes:\n', '  - slug: bob-smith\n    name: Robert Smith\n    kind: PERSON\n\nquotes:\n'));
      expect(within.lines).toEqual([
        `${within.seed}:${within.line('slug: bob-smith', 'name: Bob Smith')} speakers[2].slug: duplicate speaker slug bob-smith (already speakers[1], line ${within.line('slug: bob-smith')})`,
      ]);
    });

    it('a speaker or organization that exists under another slug with the same name or alias', async () => {
      const r = await refused(
        BETA,
        edit(
          '\nquotes:\n',
          '  - slug: lopez-ana\n    name: ANA LOPEZ\n    kind: PERSON\n\norganizations:\n  - slug: defense-ministry\n    name: Defense Ministry\n    kind: GOVERNMENT_BODY\n    aliases: [ministry of défense]\n\nquotes:\n',
        ),
      );
      const alpha = ws.read(`seeds/${ALPHA}`);
      expect(r.lines).toEqual([
        `${r.seed}:${r.line('name: ANA LOPEZ')} speakers[2].name: "ANA LOPEZ": this speaker already exists as ana-lopez in seeds/${ALPHA}:${lineOf(alpha, 'slug: ana-lopez')}`,
        `${r.seed}:${r.line('aliases: [ministry')} organizations[0].aliases[0]: "ministry of défense": this organization already exists as ministry-of-defense in seeds/${ALPHA}:${lineOf(alpha, 'slug: ministry-of-defense')}`,
      ]);
    });

    it('shape errors: unknown keys, wrong enum values, missing fields, YAML syntax', async () => {
      const shape = await refused(BETA, (t) =>
        [edit('    kind: PERSON\n', '    kind: PERSN\n    speker: x\n'), edit('  title: Beta article\n', '')].reduce((x, f) => f(x), t),
      );
      expect(shape.lines).toEqual([
        `${shape.seed}:${shape.line('slug: beta-article')} article.title: is required`,
        `${shape.seed}:${shape.line('kind: PERSN')} speakers[1].kind: Invalid option: expected one of "PERSON"|"ORGANIZATION"|"UNNAMED_GROUP" (got "PERSN")`,
        `${shape.seed}:${shape.line('speker: x')} speakers[1].speker: unknown key "speker"`,
      ]);
      const syntax = await refused(BETA, edit('  authors: [John Writer]\n', '  authors: [John Writer\n'));
      expect(syntax.lines.length).toBeGreaterThan(0);
      expect(syntax.lines[0]).toMatch(new RegExp(`^${syntax.seed}:\\d+: `));
    });

    it('a seed outside the seeds folder, or misnamed', async () => {
      expect(() => addSeed('elsewhere.yaml', ws.folders)).toThrow(/elsewhere\.yaml: seed files live in seeds\//);
      const misnamed = await refused('2025-09-01-other-name.yaml', (t) => t);
      expect(misnamed.lines).toEqual([
        `${misnamed.seed}:${misnamed.line('slug: beta-article')} article.slug: the file must be named 2025-09-01-beta-article.yaml (<publishedOn>-<slug>), not 2025-09-01-other-name.yaml`,
      ]);
    });
  },
  { migrated: false },
);
