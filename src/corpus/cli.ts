/**
 * `npm run corpus:add|corpus:retract|corpus:check|corpus:schema`: the corpus commands on the
 * command line. Problems go to stderr, one per line, with a non-zero exit; nothing is written then.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { addSeed, checkCorpus, retractArticle, type Folders } from './commands.js';
import { SCHEMA_FILE, seedJsonSchemaText } from './format.js';
import { writeAtomically } from './journal.js';
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
  if (error instanceof SeedProblems) {
    const n = error.problems.length;
    console.error(`${n} problem${n === 1 ? '' : 's'}; nothing was written:`);
    for (const p of error.problems) console.error(formatProblem(p));
  } else {
    console.error(`corpus: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
