/**
 * `npm run corpus:eval`: the drafter on the raw export of every article of the corpus
 * (seeds/raw/<seed name>.md|.html|.txt) and of the held-out articles written for the evaluation
 * (tests/corpus/fixtures/heldout/), each drafted with the corpus as it stood before it (the other
 * seeds published earlier; never its own), compared with its reviewed seed. Prints the figures
 * as Markdown tables. A benchmark, not a test: it fails only when an article cannot be read.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusOf, seedFiles } from '../src/corpus/corpus.js';
import { draftSeed } from '../src/corpus/draft/draft.js';
import { evaluate, total, type Count, type Evaluation } from '../src/corpus/draft/evaluate.js';
import type { Seed } from '../src/corpus/format.js';
import { loadSeed, type LoadedSeed } from '../src/corpus/load.js';
import { formatProblem } from '../src/corpus/problems.js';
import { validateSeed } from '../src/corpus/validate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sets = [
  { name: 'corpus articles (the drafter was developed on these)', seeds: path.join(root, 'seeds'), raw: path.join(root, 'seeds/raw') },
  {
    name: 'held-out articles (written before the drafter; its outputs on them were looked at during development)',
    seeds: path.join(root, 'tests/corpus/fixtures/heldout/seeds'),
    raw: path.join(root, 'tests/corpus/fixtures/heldout/raw'),
  },
  {
    name: 'blind articles (written after the drafter, first drafted by this evaluation)',
    seeds: path.join(root, 'tests/corpus/fixtures/blind/seeds'),
    raw: path.join(root, 'tests/corpus/fixtures/blind/raw'),
  },
];

const corpusSeeds = seedFiles(path.join(root, 'seeds')).map((f) => loadSeed(f, root));
const published = (s: LoadedSeed) => String((s.data as Seed | undefined)?.article?.publishedOn ?? '');

function rawFor(seed: LoadedSeed, dir: string): string | undefined {
  const base = path.basename(seed.absolutePath).replace(/\.ya?ml$/, '');
  return ['.md', '.html', '.txt'].map((ext) => path.join(dir, base + ext)).find((f) => existsSync(f));
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(0)}%`);
const pr = (c: Count) => `${pct(c.matched, c.proposed)} / ${pct(c.found, c.expected)} (${c.found}/${c.expected})`;

function rows(evals: Evaluation[]): string[] {
  const lines = [
    '| article | DIRECT+PARTIAL P / R | DIRECT P / R | PARTIAL P / R | kind right | speaker right | INDIRECT P / R | INDIRECT speaker | people P / R | organizations P / R | dates found | dates right (start, end, precision) | events P / R |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const e of [...evals, ...(evals.length > 1 ? [total(evals)] : [])]) {
    lines.push(
      `| ${e.article === 'all' ? '**all**' : e.article} | ${pr(e.quotes)} | ${pr(e.byKind.DIRECT)} | ${pr(e.byKind.PARTIAL)} | ${pct(e.kindRight.right, e.kindRight.of)} | ${pct(e.speakerRight.right, e.speakerRight.of)} (${e.speakerRight.right}/${e.speakerRight.of}) | ${pr(e.byKind.INDIRECT)} | ${pct(e.indirectSpeakerRight.right, e.indirectSpeakerRight.of)} | ${pr(e.people)} | ${pr(e.organizations)} | ${pct(e.dates.found, e.dates.expected)} | ${pct(e.dates.right, e.dates.expected)} (${e.dates.right}/${e.dates.expected}; ${e.dates.start}, ${e.dates.end}, ${e.dates.precision}) | ${pr(e.events)} |`,
    );
  }
  return lines;
}

let failed = false;
console.log(
  `corpus:eval, ${new Date().toISOString().slice(0, 10)}: P = precision (of the drafter's items, how many are the reviewer's), R = recall (of the reviewer's, how many the drafter found).\n`,
);
for (const set of sets) {
  const seeds = seedFiles(set.seeds).map((f) => loadSeed(f, root));
  const evals: Evaluation[] = [];
  for (const seed of seeds) {
    const raw = rawFor(seed, set.raw);
    if (!raw) {
      console.error(`${seed.file}: no raw export beside it in ${path.relative(root, set.raw)}/ (skipped)`);
      continue;
    }
    // The corpus as it stood before this article: every other seed published earlier.
    const all = [...new Map([...corpusSeeds, ...seeds].map((s) => [s.absolutePath, s])).values()];
    const before = corpusOf(all.filter((s) => s.absolutePath !== seed.absolutePath && published(s) < published(seed)));
    const reviewed = validateSeed(seed, corpusOf(all));
    if (!reviewed.article) {
      console.error(`${seed.file}: the reviewed seed is not valid:\n${reviewed.problems.map(formatProblem).join('\n')}`);
      failed = true;
      continue;
    }
    const draft = draftSeed({ file: raw, text: readFileSync(raw, 'utf8'), corpus: before });
    try {
      evals.push(evaluate(draft, { seed: seed.data as Seed, resolved: reviewed.article }, corpusOf(all)));
    } catch (error) {
      console.error(`${seed.file}: ${(error as Error).message}`);
    }
  }
  console.log(`### ${set.name}\n`);
  console.log(rows(evals).join('\n'));
  console.log('');
}
if (failed) process.exitCode = 1;
