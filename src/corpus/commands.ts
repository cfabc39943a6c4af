/**
 * The corpus commands, as functions of the seeds and migrations folders: add (seed → migration),
 * retract (article → removal migration) and check (seeds and migrations agree). They validate
 * first and write nothing at all when anything is wrong.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { corpusOf, loadCorpus, where, type Corpus, type Definition } from './corpus.js';
import { effectiveValues, NO_REFINEMENTS } from './effective.js';
import { articleMigrations, appendMigration, latestByArticle, type ArticleMigration } from './journal.js';
import { displayPath, loadSeed, type LoadedSeed } from './load.js';
import { formatProblem, SeedProblems, type Problem } from './problems.js';
import { articleStatements, migrationText, retractionStatements } from './sql.js';
import { validateSeed } from './validate.js';
import { DraftError, draftSeed } from './draft/draft.js';
import { draftYaml } from './draft/yaml.js';
import { writeAtomically } from './journal.js';

export interface Folders {
  seeds: string;
  migrations: string;
  /** Paths in messages are relative to this. */
  cwd: string;
}

export type AddResult =
  | { status: 'written'; article: string; action: 'add' | 'correct'; tag: string; file: string }
  | { status: 'unchanged'; article: string; tag: string };

const addHint = (seed: LoadedSeed) => `npm run corpus:add -- ${seed.file}`;

/** Every problem of every seed. */
function corpusProblems(corpus: Corpus): Problem[] {
  return corpus.seeds.flatMap((s) => validateSeed(s, corpus).problems);
}

/**
 * What a change to one seed can break in the others: their references to entities it no longer
 * defines, their refinements it now contradicts. (Their other problems are corpus:check's
 * business, not a reason to refuse this seed.)
 */
function brokenReferences(corpus: Corpus, changed: LoadedSeed): Problem[] {
  return corpus.seeds.filter((s) => s !== changed).flatMap((s) => validateSeed(s, corpus).problems.filter((p) => p.code !== undefined));
}

export function addSeed(seedFile: string, given: Folders): AddResult {
  const folders = absolute(given);
  const file = path.resolve(folders.cwd, seedFile);
  const shown = displayPath(file, folders.cwd);
  if (path.dirname(file) !== folders.seeds) {
    throw new SeedProblems([{ file: shown, path: [], message: `seed files live in ${displayPath(folders.seeds, folders.cwd)}/` }]);
  }
  const corpus = loadCorpus(folders.seeds, folders.cwd);
  const seed = corpus.seeds.find((s) => s.absolutePath === file) ?? loadSeed(file, folders.cwd);
  if (!corpus.seeds.includes(seed)) corpus.seeds.push(seed);
  const result = validateSeed(seed, corpus);
  const problems = [...result.problems, ...brokenReferences(corpus, seed)];
  const latest = latestByArticle(articleMigrations(folders.migrations));

  const effective = result.article
    ? effectiveValues(corpus, { slug: result.article.slug, seedPath: seed.absolutePath }, result.article, latest)
    : NO_REFINEMENTS;
  // Entities of other seeds must reach the database first, in the version the seed now has.
  problems.push(...notMigrated(seed.file, [...result.uses, ...effective.definitions], latest));
  if (problems.length > 0 || !result.article) throw new SeedProblems(problems);

  const article = result.article;
  const previous = latest.get(article.slug);
  if (previous && previous.header.action !== 'retract' && previous.header.hash === article.hash) {
    return { status: 'unchanged', article: article.slug, tag: previous.tag };
  }
  const action = previous && previous.header.action !== 'retract' ? 'correct' : 'add';
  const text = migrationText(
    {
      article: article.slug,
      action,
      seed: article.seedFile,
      hash: article.hash,
      previous: previous?.tag,
      notes: article.notes,
      refinements: article.refinements,
    },
    articleStatements(article, effective),
  );
  const written = appendMigration(folders.migrations, `article_${article.slug}`, text);
  return { status: 'written', article: article.slug, action, tag: written.tag, file: displayPath(written.file, folders.cwd) };
}

export interface DraftResult {
  file: string;
  counts: string;
  unsettled: string[];
}

/** `corpus:draft`: the exported article → seeds/<date>-<slug>.yaml, never over an existing file unless forced. */
export function draftArticle(
  raw: string,
  options: {
    publishedOn?: string | undefined;
    url?: string | undefined;
    outlet?: string | undefined;
    slug?: string | undefined;
    force: boolean;
  },
  given: Folders,
): DraftResult {
  const folders = absolute(given);
  const file = path.resolve(folders.cwd, raw);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DraftError(`${raw}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const draft = draftSeed({ file, text, corpus: loadCorpus(folders.seeds, folders.cwd), ...options });
  const out = path.join(folders.seeds, draft.fileName);
  if (existsSync(out) && !options.force)
    throw new DraftError(`${displayPath(out, folders.cwd)} already exists: review that one, or draft again with --force`);
  writeAtomically(out, draftYaml(draft));
  const s = draft.seed;
  const quotes = s.quotes ?? [];
  const counts = [
    `${quotes.filter((q) => q.kind !== 'INDIRECT').length} quotes`,
    `${quotes.filter((q) => q.kind === 'INDIRECT').length} INDIRECT candidates`,
    `${s.speakers?.length ?? 0} speakers`,
    `${s.organizations?.length ?? 0} organizations`,
    `${s.events?.length ?? 0} events`,
  ].join(', ');
  return { file: displayPath(out, folders.cwd), counts, unsettled: draft.unsettled };
}

export interface RetractResult {
  article: string;
  tag: string;
  file: string;
  /** The seed file removed (git keeps its history), if there was one. */
  removedSeed: string | undefined;
}

/** `target`: an article slug or its seed file. */
export function retractArticle(target: string, given: Folders): RetractResult {
  const folders = absolute(given);
  const corpus = loadCorpus(folders.seeds, folders.cwd);
  const isFile = /\.ya?ml$/.test(target);
  let slug = target;
  if (isFile) {
    const seed = loadSeed(target, folders.cwd);
    const fromFile = articleSlugOf(seed);
    if (!fromFile)
      throw new SeedProblems([...seed.problems, { file: seed.file, path: ['article', 'slug'], message: 'cannot read the article slug' }]);
    slug = fromFile;
  }
  const fail = (message: string) =>
    new SeedProblems([{ file: isFile ? displayPath(path.resolve(folders.cwd, target), folders.cwd) : slug, path: [], message }]);
  const latest = latestByArticle(articleMigrations(folders.migrations)).get(slug);
  if (!latest) throw fail(`article ${slug} has no migration: there is nothing to retract (delete the seed file if there is one)`);
  if (latest.header.action === 'retract') throw fail(`article ${slug} was already retracted by ${latest.tag}`);

  const seeds = corpus.seeds.filter((s) => articleSlugOf(s) === slug);
  const without: Corpus = corpusOf(corpus.seeds.filter((s) => !seeds.includes(s)));
  // What would break in the other seeds once this one is gone: entities they take from it.
  const broken = without.seeds.flatMap((s) => {
    const before = new Set(validateSeed(s, corpus).problems.map(formatProblem));
    return validateSeed(s, without).problems.filter((p) => !before.has(formatProblem(p)));
  });
  if (broken.length > 0) {
    throw new SeedProblems([
      ...broken,
      {
        file: seeds[0]?.file ?? slug,
        path: [],
        message: `other seeds use entities that ${slug} defines: move those definitions into one of them (replacing its ref:) before retracting`,
      },
    ]);
  }

  // What it refined goes back to what the definitions and the other refining seeds say.
  const all = latestByArticle(articleMigrations(folders.migrations));
  const effective = effectiveValues(without, { slug, seedPath: seeds[0]?.absolutePath }, undefined, all);
  const stale = notMigrated(seeds[0]?.file ?? slug, effective.definitions, all);
  if (stale.length > 0) throw new SeedProblems(stale);
  const text = migrationText(
    { article: slug, action: 'retract', seed: latest.header.seed, hash: latest.header.hash, previous: latest.tag },
    retractionStatements(slug, effective),
  );
  const { tag, file } = appendMigration(folders.migrations, `retract_${slug}`, text);
  for (const s of seeds) rmSync(s.absolutePath, { force: true });
  return { article: slug, tag, file: displayPath(file, folders.cwd), removedSeed: seeds[0]?.file };
}

export interface CheckResult {
  seeds: number;
  migrations: number;
  problems: Problem[];
}

/** Every seed valid, every seed migrated in its current version, no migrated article without its seed. */
export function checkCorpus(given: Folders): CheckResult {
  const folders = absolute(given);
  const corpus = loadCorpus(folders.seeds, folders.cwd);
  const problems = corpusProblems(corpus);
  const migrations = articleMigrations(folders.migrations);
  const latest = latestByArticle(migrations);
  const seeded = new Set<string>();
  for (const seed of corpus.seeds) {
    const slug = articleSlugOf(seed);
    if (!slug) continue;
    seeded.add(slug);
    const m = latest.get(slug);
    const at = { file: seed.file, line: seed.lineOf(['article', 'slug']), path: [] };
    if (!m) problems.push({ ...at, message: `no migration for article ${slug}: run ${addHint(seed)}` });
    else if (m.header.action === 'retract') {
      problems.push({
        ...at,
        message: `article ${slug} was retracted by ${m.tag} but its seed is still here: delete it, or run ${addHint(seed)} to publish it again`,
      });
    } else if (m.header.hash !== seed.hash) {
      problems.push({ ...at, message: `changed since its migration ${m.tag}: run ${addHint(seed)}` });
    }
  }
  for (const [slug, m] of latest) {
    if (seeded.has(slug) || m.header.action === 'retract') continue;
    problems.push({
      file: migrationFile(folders, m),
      path: [],
      message: `article ${slug} is migrated but has no seed (was ${m.header.seed}): restore the seed, or run npm run corpus:retract -- ${slug}`,
    });
  }
  return { seeds: corpus.seeds.length, migrations: migrations.length, problems };
}

/** The definitions whose seeds are not migrated in their current version, one problem each. */
function notMigrated(file: string, definitions: Definition[], latest: Map<string, ArticleMigration>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const def of definitions) {
    if (seen.has(`${def.kind}:${def.slug}`)) continue;
    seen.add(`${def.kind}:${def.slug}`);
    const migrated = latest.get(articleSlugOf(def.seed) ?? '');
    const state =
      !migrated || migrated.header.action === 'retract'
        ? 'which has no migration yet'
        : migrated.header.hash !== def.seed.hash
          ? `which has changes not migrated yet (${migrated.tag})`
          : undefined;
    if (state) {
      problems.push({
        file,
        path: [],
        message: `uses ${def.kind} ${def.slug} defined in ${where(def)}, ${state}: run ${addHint(def.seed)} first`,
      });
    }
  }
  return problems;
}

function migrationFile(folders: Folders, m: ArticleMigration): string {
  return displayPath(path.join(folders.migrations, `${m.tag}.sql`), folders.cwd);
}

function articleSlugOf(seed: LoadedSeed): string | undefined {
  const data = seed.data as { article?: { slug?: unknown } } | undefined;
  return typeof data?.article?.slug === 'string' ? data.article.slug : undefined;
}

/** The folders as absolute paths (the commands may run from any directory). */
function absolute(folders: Folders): Folders {
  return { cwd: folders.cwd, seeds: path.resolve(folders.cwd, folders.seeds), migrations: path.resolve(folders.cwd, folders.migrations) };
}
