/**
 * A typed client for Verbatim: graphql-request with the TypedDocumentNodes graphql-codegen made
 * from operations/*.graphql and schema.graphql (examples/generated/, `npm run codegen`), so every
 * variable and result field below is checked by the compiler.
 *
 *   npx tsx examples/quotes-and-events.ts [endpoint] [speaker-slug] [from] [to]
 *   npx tsx examples/quotes-and-events.ts http://127.0.0.1:4000/graphql claudia-sheinbaum 2025-08-01 2025-08-31
 *
 * It asks over GET, so any HTTP cache between it and the server can answer (and revalidate with
 * the ETag). Prints what it found as JSON on stdout; exits non-zero on any error.
 */
import { GraphQLClient } from 'graphql-request';
import { EventsBetweenDocument, QuotesBySpeakerDocument, type QuotesBySpeakerQuery } from './generated/graphql.js';

type Quote = QuotesBySpeakerQuery['quotes']['nodes'][number];

export async function quotesAndEvents(endpoint: string, speaker: string, from: string, to: string) {
  const client = new GraphQLClient(endpoint, { method: 'GET' });

  // Every quote of the speaker, page by page.
  const quotes: Quote[] = [];
  let after: string | null | undefined;
  do {
    const page = await client.request(QuotesBySpeakerDocument, { speaker, first: 50, after });
    quotes.push(...page.quotes.nodes);
    after = page.quotes.pageInfo.hasNextPage ? page.quotes.pageInfo.endCursor : undefined;
  } while (after);

  const { events } = await client.request(EventsBetweenDocument, { from, to });
  return {
    speaker,
    quotes: quotes.map((q) => ({ kind: q.kind, text: q.text, article: q.article.slug, offsets: [q.startOffset, q.endOffset] })),
    events: events.nodes.map((e) => ({ slug: e.slug, title: e.title, date: e.date.start, precision: e.date.precision })),
  };
}

// Run as a program (not when imported).
if (import.meta.url === `file://${process.argv[1]}`) {
  const [endpoint = 'http://127.0.0.1:4000/graphql', speaker = 'claudia-sheinbaum', from = '2025-08-01', to = '2025-08-31'] =
    process.argv.slice(2);
  quotesAndEvents(endpoint, speaker, from, to).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(`quotes-and-events: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
