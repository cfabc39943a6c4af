/**
 * `npm run corpus:add|corpus:retract|corpus:check|corpus:schema`: the corpus commands on the
 * command line. Problems go to stderr, one per line, with a non-zero exit; nothing is written then.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { addSeed, checkCorpus, draftArticle, retractArticle, type Folders } from './commands.js';
import { SCHEMA_FILE, seedJsonSchemaText } from './format.js';
import { writeAtomically } from './journal.js';
import { DraftError } from './draft/draft.js';
import { formatProblem, SeedProblems } from './problems.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function folders(options: { seeds: string; migrations: string }): Folders {
  return { cwd: process.cwd(), seeds: path.resolve(options.seeds), migrations: path.resolve(options.migrations) };
}

const program = new Command('corpus')
  .description('Verbatim corpus: seed files → article migrations')
  .addOption(new Option('--seeds <dir>', 'the seeds folder').env('VERBATIM_SEEDS_DIR').default(path.join(root, 'seeds')))
  .addOption(
    new Option('--migrations <dir>', 'the migrations folder').env('VERBATIM_MIGRATIONS_DIR').default(path.join(root, 'migrations')),
  )
  .showHelpAfterError();

program
  .command('add')
  .description('validate a seed and write the migration that brings a database to it')
  .argument('<seed>', 'the seed file, e.g. seeds/2025-08-15-some-article.yaml')
  .action((seed: string) => {
    const result = addSeed(seed, folders(program.opts()));
    if (result.status === 'unchanged') {
      console.log(`${result.article}: nothing changed since ${result.tag}; nothing written.`);
    } else {
      console.log(`${result.article}: wrote ${result.file} (${result.action === 'add' ? 'new article' : `correction`}).`);
      // An embedded server (npm start) that owns the database applies it as soon as it is written.
      console.log('A running embedded server (npm start) applies it now; otherwise: npm run db:migrate, or npm start.');
    }
  });

program
  .command('draft')
  .description('draft a seed from an article as exported (Markdown, HTML or plain text), for review')
  .argument('<raw>', 'the exported article, e.g. ~/Downloads/article.md')
  .option('--published <YYYY-MM-DD>', 'the publication date, when the export does not say it')
  .option('--url <url>', "the article's address")
  .option('--outlet <name>', 'the publication')
  .option('--slug <slug>', 'the article slug (by default from the title)')
  .option('--force', 'overwrite an existing draft')
  .action((raw: string, options: { published?: string; url?: string; outlet?: string; slug?: string; force?: boolean }) => {
    const result = draftArticle(
      raw,
      { publishedOn: options.published, url: options.url, outlet: options.outlet, slug: options.slug, force: options.force ?? false },
      folders(program.opts()),
    );
    console.log(`wrote ${result.file}: ${result.counts}.`);
    if (result.unsettled.length > 0) {
      console.log(`${result.unsettled.length} item(s) not settled (todo: in the file; corpus:add refuses them until settled):`);
      for (const u of result.unsettled) console.log(`  ${u}`);
    }
    console.log(`Review it: npm run corpus:review -- ${result.file}   then: npm run corpus:add -- ${result.file}`);
  });

program
  .command('retract')
  .description('write the migration that removes an article, its quotes and links (and delete its seed)')
  .argument('<article>', 'the article slug or its seed file')
  .action((target: string) => {
    const result = retractArticle(target, folders(program.opts()));
    console.log(`${result.article}: wrote ${result.file}.`);
    if (result.removedSeed) console.log(`Removed ${result.removedSeed} (git keeps its history).`);
  });

program
  .command('check')
  .description('validate every seed and check that the migrations agree with them')
  .action(() => {
    const result = checkCorpus(folders(program.opts()));
    if (result.problems.length > 0) {
      const n = result.problems.length;
      console.error(`corpus check failed, ${n} problem${n === 1 ? '' : 's'}:`);
      for (const p of result.problems) console.error(formatProblem(p));
      process.exitCode = 1;
      return;
    }
    console.log(`corpus: ${result.seeds} seed(s) valid, in agreement with ${result.migrations} article migration(s).`);
  });

program
  .command('schema')
  .description(`write ${SCHEMA_FILE} (the JSON Schema of seeds, for editors) into the seeds folder`)
  .action(() => {
    const file = path.join(folders(program.opts()).seeds, SCHEMA_FILE);
    writeAtomically(file, seedJsonSchemaText());
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof DraftError) {
    console.error(`corpus:draft: ${error.message}`);
  } else if (error instanceof SeedProblems) {
    const n = error.problems.length;
    console.error(`${n} problem${n === 1 ? '' : 's'}; nothing was written:`);
    for (const p of error.problems) console.error(formatProblem(p));
  } else {
    console.error(`corpus: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
