/**
 * corpus:check (seeds valid and in agreement with the migrations) and the journal as drizzle-kit
 * sees it after article migrations.
 */
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSeed, checkCorpus, retractArticle } from '../../src/corpus/commands.js';
import { formatProblem } from '../../src/corpus/problems.js';
import { ALPHA, BETA, createWorkspace, edit, lineOf, root, runCli, type Workspace } from './workspace.js';

describe('corpus:check', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = createWorkspace();
  });
  afterEach(() => ws.remove());
  const problems = () => checkCorpus(ws.folders).problems.map(formatProblem);

  it('passes on an empty corpus and on seeds whose migrations are current (a real process)', async () => {
    expect(problems()).toEqual([]);
    addSeed(ws.seed(ALPHA), ws.folders);
    addSeed(ws.seed(BETA), ws.folders);
    const r = await runCli(ws, ['check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('corpus: 2 seed(s) valid, in agreement with 2 article migration(s).\n');
  });

  it('lists a seed without migration and a seed changed since its migration, and exits non-zero', async () => {
    addSeed(ws.seed(ALPHA), ws.folders);
    ws.seed(ALPHA, edit('outlet: Test Outlet', 'outlet: Another Outlet'));
    ws.seed(BETA);
    const r = await runCli(ws, ['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'corpus check failed, 2 problems:',
      `seeds/${ALPHA}:3: changed since its migration ${ws.n(1)}_article_alpha-article: run npm run corpus:add -- seeds/${ALPHA}`,
      `seeds/${BETA}:3: no migration for article beta-article: run npm run corpus:add -- seeds/${BETA}`,
    ]);
  });

  it('ignores comments and layout: the hash is of the content', () => {
    addSeed(ws.seed(ALPHA), ws.folders);
    ws.seed(ALPHA, (t) =>
      edit('speakers:\n', '# who speaks\nspeakers:\n')(t).replace('authors: [Jane Writer]', 'authors:\n    - Jane Writer'),
    );
    expect(problems()).toEqual([]);
    expect(addSeed(`seeds/${ALPHA}`, ws.folders)).toMatchObject({ status: 'unchanged', tag: `${ws.n(1)}_article_alpha-article` });
  });

  it('lists a migrated article whose seed is gone, and a retracted article whose seed is back', () => {
    addSeed(ws.seed(ALPHA), ws.folders);
    rmSync(path.join(ws.seeds, ALPHA));
    expect(problems()).toEqual([
      `migrations/${ws.n(1)}_article_alpha-article.sql: article alpha-article is migrated but has no seed (was seeds/2025-08-15-alpha-article.yaml): restore the seed, or run npm run corpus:retract -- alpha-article`,
    ]);
    retractArticle('alpha-article', ws.folders);
    expect(problems()).toEqual([]);
    ws.seed(ALPHA);
    expect(problems()).toEqual([
      `seeds/${ALPHA}:3: article alpha-article was retracted by ${ws.n(2)}_retract_alpha-article but its seed is still here: delete it, or run npm run corpus:add -- seeds/${ALPHA} to publish it again`,
    ]);
    // Publishing it again is an ordinary add.
    expect(addSeed(`seeds/${ALPHA}`, ws.folders)).toMatchObject({
      status: 'written',
      action: 'add',
      tag: `${ws.n(3)}_article_alpha-article`,
    });
    expect(problems()).toEqual([]);
  });

  it('reports invalid seeds, and refuses a change that would break another seed', () => {
    addSeed(ws.seed(ALPHA), ws.folders);
    addSeed(ws.seed(BETA), ws.folders);
    // alpha stops defining ana-lopez, whom beta refers to.
    const slug = ws.seed(ALPHA, edit('  - slug: ana-lopez\n', '  - slug: ana-lopez-2\n'));
    const beta = ws.read(`seeds/${BETA}`);
    const broken = `seeds/${BETA}:${lineOf(beta, 'ref: ana-lopez')} speakers[0].ref: unknown speaker ana-lopez: no seed defines it (did you mean ana-lopez-2?)`;
    expect(() => addSeed(slug, ws.folders)).toThrow(broken);
    expect(problems()).toContain(broken);
  });

  it('refuses an article whose referenced seed is not migrated yet', () => {
    ws.seed(ALPHA);
    expect(() => addSeed(ws.seed(BETA), ws.folders)).toThrow(
      `seeds/${BETA}: uses speaker ana-lopez defined in seeds/${ALPHA}:${lineOf(ws.read(`seeds/${ALPHA}`), 'slug: ana-lopez')}, which has no migration yet: run npm run corpus:add -- seeds/${ALPHA} first`,
    );
  });
});

describe('article migrations in drizzle-kit', () => {
  it('leave drizzle-kit generate with no schema changes to make', async () => {
    const ws = createWorkspace();
    try {
      addSeed(ws.seed(ALPHA), ws.folders);
      addSeed(ws.seed(BETA), ws.folders);
      retractArticle('beta-article', ws.folders);
      writeFileSync(
        path.join(ws.dir, 'drizzle.config.ts'),
        `export default ${JSON.stringify({ dialect: 'postgresql', schema: path.join(root, 'src/db/schema.ts'), out: './migrations', casing: 'snake_case' })};\n`,
      );
      const files = ws.files();
      const { stdout } = await promisify(execFile)(
        path.join(root, 'node_modules/.bin/drizzle-kit'),
        ['generate', '--config', 'drizzle.config.ts'],
        { cwd: ws.dir },
      );
      expect(stdout).toContain('No schema changes, nothing to migrate');
      expect(ws.files()).toEqual(files);
    } finally {
      ws.remove();
    }
  });
});
