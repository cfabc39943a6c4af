/**
 * Persisted operations: the committed manifest matches operations/*.graphql; operations run by
 * hash over GET and POST; PERSISTED_ONLY refuses anything else with a coded error.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import type { CorpusVersion } from '../../src/db/corpus-version.js';
import { migrate } from '../../src/db/migrate.js';
import { countStatements } from '../../src/db/instrument.js';
import { createApp, type App } from '../../src/server/app.js';
import {
  buildManifest,
  loadManifest,
  MANIFEST_FILE,
  manifestText,
  PERSISTED_CODES,
  readOperations,
  sha256,
} from '../../src/server/persisted.js';
import { corpusVersionOf } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';

const manifest = loadManifest();
const hashOf = (name: string): string => {
  const entry = Object.entries(manifest.operations).find(([, op]) => op.name === name);
  if (!entry) throw new Error(`no persisted operation ${name}`);
  return entry[0];
};
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

interface Body {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are asserted, not typed
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(app: App, body: Record<string, unknown>): Promise<{ status: number; body: Body }> {
  const r = await app.fetch('http://verbatim.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Body };
}

function getUrl(params: Record<string, unknown>): string {
  return `http://verbatim.test/graphql?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)]))}`;
}

describe('the operations manifest', () => {
  it('is up to date with operations/*.graphql (run npm run operations:build)', () => {
    expect(readFileSync(MANIFEST_FILE, 'utf8')).toBe(manifestText(buildManifest(readOperations())));
  });

  it('keys each operation by the sha256 of its exact text, and holds the headline queries', () => {
    for (const [hash, op] of Object.entries(manifest.operations)) expect(sha256(op.document)).toBe(hash);
    expect(
      Object.values(manifest.operations)
        .map((op) => op.name)
        .sort(),
    ).toEqual(['Article', 'EventsBetween', 'QuotesBySpeaker', 'Search', 'SpeakerSearch']);
  });
});

describeEachDatabase(
  'persisted operations',
  (suite) => {
    let open: App;
    let only: App;
    let version: CorpusVersion;
    beforeAll(async () => {
      // The repository's migrations include the seed article, so the operations find real data.
      await migrate(suite.db);
      version = await corpusVersionOf(suite.db);
      open = createApp({ db: suite.db, corpusVersion: version });
      only = createApp({ db: suite.db, corpusVersion: version, config: defaultConfig({ persistedOnly: true }) });
    });

    it('runs an operation by hash over POST', async () => {
      const r = await post(only, { extensions: persisted(hashOf('QuotesBySpeaker')), variables: { speaker: 'claudia-sheinbaum' } });
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data?.quotes.totalCount).toBeGreaterThan(0);
      expect(r.body.data?.quotes.nodes[0].speaker.name).toBe('Claudia Sheinbaum');
    });

    it('runs an operation by hash over GET, cacheably, and revalidates it with 304', async () => {
      const url = getUrl({ extensions: persisted(hashOf('EventsBetween')), variables: { from: '2025-08-01', to: '2025-08-31' } });
      const r = await only.fetch(url);
      expect(r.status).toBe(200);
      const body = (await r.json()) as Body;
      expect(body.errors).toBeUndefined();
      expect(body.data?.events.totalCount).toBeGreaterThan(0);
      const etag = r.headers.get('etag');
      expect(etag).toMatch(/^W\//);
      expect(r.headers.get('cache-control')).toMatch(/^public, max-age=\d+, must-revalidate$/);
      expect((await only.fetch(url, { headers: { 'if-none-match': etag! } })).status).toBe(304);
    });

    it('refuses an arbitrary query in persisted-only mode, over POST and GET, with PERSISTED_QUERY_ONLY', async () => {
      const r = await post(only, { query: '{ speakers(first: 1) { totalCount } }' });
      expect(r.status).toBe(400);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors?.[0]?.extensions?.code).toBe(PERSISTED_CODES.only);
      expect(r.body.errors?.[0]?.message).toMatch(/persisted operations only/);

      const g = await only.fetch(getUrl({ query: '{ speakers(first: 1) { totalCount } }' }));
      expect(g.status).toBe(400);
      expect(g.headers.get('cache-control')).toBe('no-store');
      expect(((await g.json()) as Body).errors?.[0]?.extensions?.code).toBe(PERSISTED_CODES.only);
    });

    it('answers a repeated operation from the response cache, and never lets its text in by the back door', async () => {
      const body = { extensions: persisted(hashOf('QuotesBySpeaker')), variables: { speaker: 'donald-trump' } };
      const first = await countStatements(() => post(only, body));
      expect(first.statements).toBeGreaterThan(0);
      const again = await countStatements(() => post(only, body));
      expect(again.statements).toBe(0);
      expect(again.result.body).toEqual(first.result.body);
      // The same text sent as a query is still refused in persisted-only mode, cached answer or not.
      const text = manifest.operations[hashOf('QuotesBySpeaker')]!.document;
      const sneaky = await post(only, { query: text, variables: body.variables });
      expect(sneaky.status).toBe(400);
      expect(sneaky.body.errors?.[0]?.extensions?.code).toBe(PERSISTED_CODES.only);
    });

    it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, and no query at all with PERSISTED_QUERY_ID_REQUIRED', async () => {
      const unknown = await post(only, { extensions: persisted(sha256('{ __typename }')) });
      expect(unknown.body.errors?.[0]?.extensions?.code).toBe(PERSISTED_CODES.notFound);
      const none = await post(only, { variables: {} });
      expect(none.body.errors?.[0]?.extensions?.code).toBe(PERSISTED_CODES.missing);
    });

    it('still runs arbitrary queries, and hashes, when not in persisted-only mode', async () => {
      const arbitrary = await post(open, { query: '{ speaker(slug: "claudia-sheinbaum") { name } }' });
      expect(arbitrary.body).toEqual({ data: { speaker: { name: 'Claudia Sheinbaum' } } });
      const byHash = await post(open, { extensions: persisted(hashOf('SpeakerSearch')), variables: { search: 'Sheinbam' } });
      expect(byHash.body.data?.speakers.nodes.map((s: { slug: string }) => s.slug)).toContain('claudia-sheinbaum');
    });

    it('runs every persisted operation on the seed corpus without errors', async () => {
      const variables: Record<string, Record<string, unknown>> = {
        QuotesBySpeaker: { speaker: 'claudia-sheinbaum' },
        EventsBetween: { from: '2025-01-01', to: '2025-12-31' },
        SpeakerSearch: { search: 'Sheinbaum' },
        Search: { query: 'cartels' },
        Article: { slug: 'trump-orders-pentagon-military-force-cartels' },
      };
      for (const [hash, op] of Object.entries(manifest.operations)) {
        const r = await post(only, { extensions: persisted(hash), variables: variables[op.name] });
        expect(r.body.errors, op.name).toBeUndefined();
        expect(Object.values(r.body.data ?? {})[0], op.name).toBeTruthy();
      }
    });
  },
  { migrated: false },
);
