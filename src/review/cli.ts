/**
 * `npm run corpus:review -- seeds/<file>.yaml`: serves the review page of a seed not migrated yet
 * (a draft) on a local port and prints its URL; the seed is read again on every request, so a
 * reload shows the edits. Ctrl-C stops it.
 */
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { corpusOf, loadCorpus } from '../corpus/corpus.js';
import { loadSeed } from '../corpus/load.js';
import { renderArticle } from './page.js';
import { seedForReview } from './seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Renders the seed's page: the other seeds of its folder are the corpus it refers to. */
export function seedPage(file: string, seedsDir: string): string {
  const seed = loadSeed(file);
  const corpus = loadCorpus(seedsDir);
  const others = corpusOf(corpus.seeds.filter((s) => s.absolutePath !== seed.absolutePath));
  return renderArticle(seedForReview(seed, corpusOf([...others.seeds, seed])));
}

export function serveSeedReview(file: string, seedsDir: string, port = 0, host = '127.0.0.1'): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    try {
      const body = seedPage(file, seedsDir);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`cannot render ${file}: ${(error as Error).message}\n`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ url: `http://${host}:${actual}/`, server });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const program = new Command('corpus:review')
    .description('serve the review page of a seed file (a draft), for review before corpus:add')
    .argument('<seed>', 'the seed file, e.g. seeds/2025-08-15-some-article.yaml')
    .addOption(
      new Option('--seeds <dir>', 'the seeds folder (the corpus the seed refers to)')
        .env('VERBATIM_SEEDS_DIR')
        .default(path.join(root, 'seeds')),
    )
    .addOption(new Option('--port <n>', 'the port (0: any free one)').default('0'))
    .action(async (seed: string, options: { seeds: string; port: string }) => {
      const file = path.resolve(seed);
      const { url } = await serveSeedReview(file, path.resolve(options.seeds), Number(options.port));
      // The URL is followed by a space: tests and scripts find it in the line.
      console.log(`Review of ${path.relative(process.cwd(), file)} at ${url} (reload after editing the seed; Ctrl-C to stop)`);
    });
  await program.parseAsync();
}
