/**
 * One snapshot per response: while transactions that change the corpus commit in a loop (what a
 * migration is to a reader), every response shows the corpus of one moment. The writer changes an
 * article's title and a speaker's name together; the query reads them in statements that run one
 * after another (a root field, then a nested page after its parent), so without one snapshot a
 * commit lands between them. On PostgreSQL they run on other connections, so today's code (one
 * statement, one snapshot) mixes states here. On PGlite a request's statements follow each other
 * in microtasks on the one connection: the writer commits between responses, and the per-request
 * transaction is what keeps it so when a response's statements are interleaved with others'.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { seedCorpus } from '../helpers/fixtures.js';
import { query } from '../helpers/graphql.js';

const READ = `{
  article(slug: "mexico-rejects-strikes") { title }
  speaker(slug: "claudia-sheinbaum") {
    name
    quotes(first: 5) { nodes { article { slug title } } }
  }
}`;

interface Read {
  article: { title: string };
  speaker: { name: string; quotes: { nodes: { article: { slug: string; title: string } }[] } };
}

/** Every marker the writer stamps that this response shows. */
function states(data: Read): string[] {
  const nested = data.speaker.quotes.nodes.filter((q) => q.article.slug === 'mexico-rejects-strikes').map((q) => q.article.title);
  return [data.article.title, data.speaker.name, ...nested];
}

/**
 * A turn of the event loop. PGlite answers in microtasks: a loop of its transactions (or of
 * requests on it) would otherwise never let the other side run.
 */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describeEachDatabase('one snapshot per response', (suite) => {
  let app: App;
  beforeAll(async () => {
    await seedCorpus(suite.db);
    app = createApp({ db: suite.db });
  });

  it('never mixes the corpus before and after a commit, with commits landing all the time', async () => {
    const stamp = (state: string) =>
      suite.db.transaction(async (tx) => {
        // Nothing here needs to survive a crash; committing faster makes more commits land.
        if (suite.target.name === 'postgres') await tx.execute(sql`SET LOCAL synchronous_commit = off`);
        await tx.execute(sql`UPDATE articles SET title = ${state} WHERE slug = 'mexico-rejects-strikes'`);
        await tx.execute(sql`UPDATE speakers SET name = ${state} WHERE slug = 'claudia-sheinbaum'`);
      });
    // The fixture's title and name differ: start from one state.
    await stamp('state 0');
    let stop = false;
    let commits = 0;
    const writer = (async () => {
      while (!stop) {
        await stamp(`state ${commits + 1}`);
        commits += 1;
        await turn();
      }
    })();

    const mixed: string[][] = [];
    const seen = new Set<string>();
    const reader = async () => {
      for (let i = 0; i < 100; i++) {
        const shown = states(await query<Read>(app, READ));
        expect(shown.length).toBeGreaterThanOrEqual(3);
        for (const s of shown) seen.add(s);
        if (new Set(shown).size > 1) mixed.push(shown);
        await turn();
      }
    };
    try {
      await Promise.all([reader(), reader(), reader()]);
    } finally {
      stop = true;
      await writer;
    }
    expect(mixed, `responses mixing two states: ${JSON.stringify(mixed.slice(0, 5))}`).toEqual([]);
    // Not vacuous: the reads saw the corpus change many times while they ran.
    expect(commits).toBeGreaterThan(20);
    expect(seen.size).toBeGreaterThan(10);
  });
});
