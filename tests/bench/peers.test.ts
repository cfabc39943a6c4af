/**
 * The bench compares only servers that answer the API's rows: the row check must catch any
 * difference, and PostGraphile's answers, mapped onto the API's shape, must pass it. End to end
 * on a small generated corpus: the bench itself (every target started, checked row by row,
 * measured for a second, the JSON written). PostGraphile lives in bench/peers/node_modules,
 * which only `npm run bench:peers` (or `npm run bench`) installs: without it, the bench runs
 * without PostGraphile here and the PostGraphile checks are skipped, saying why.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSameRows, differences } from '../../bench/check.js';
import { databaseUrl } from '../../bench/database.js';
import { installPeerSchema, POSTGRAPHILE_SERVER, postgraphileInstall, postgraphileQuery } from '../../bench/peers.js';
import { type Headline, headlines } from '../../bench/queries.js';
import { type Server, startServer } from '../../bench/servers.js';
import { post, requestFor } from '../../bench/targets.js';
import { root, run } from '../helpers/process.js';

const QUOTES = 1_000;
function headline(key: string): Headline {
  const h = headlines(QUOTES).find((x) => x.key === key);
  if (!h) throw new Error(`no headline ${key}`);
  return h;
}
const [heavy, light, events, typename] = ['a-heavy', 'a-light', 'b', 'typename'].map(headline) as [Headline, Headline, Headline, Headline];

describe('the row check', () => {
  const rows = [
    { text: 'a', article: { title: 'x' } },
    { text: 'b', article: { title: 'y' } },
  ];

  it('passes equal answers, whatever the order of keys', () => {
    expect(
      differences({ quotes: { nodes: rows } }, { quotes: { nodes: rows.map((r) => ({ article: r.article, text: r.text })) } }),
    ).toEqual([]);
  });

  it('names the row and field that differ, a row missing, rows out of order', () => {
    const changed = [rows[0], { text: 'b', article: { title: 'z' } }];
    expect(differences({ quotes: { nodes: rows } }, { quotes: { nodes: changed } })).toEqual([
      'data.quotes.nodes[1].article.title: expected "y", got "z"',
    ]);
    expect(differences({ quotes: { nodes: rows } }, { quotes: { nodes: rows.slice(0, 1) } })).toEqual([
      'data.quotes.nodes: expected 2 rows, got 1',
    ]);
    expect(differences(rows, [...rows].reverse())).toEqual([
      'data[0].text: expected "a", got "b"',
      'data[0].article.title: expected "x", got "y"',
      'data[1].text: expected "b", got "a"',
      'data[1].article.title: expected "y", got "x"',
    ]);
    expect(differences({ date: { start: '2021-03-01' } }, { date: { start: '2021-03-01', end: null } })).toEqual([
      'data.date.end: expected nothing, got null',
    ]);
  });

  it('throws naming the scenario and the target', () => {
    expect(() => assertSameRows('a-heavy', 'postgraphile', { n: 1 }, { n: 2 })).toThrow(
      /a-heavy: postgraphile does not answer the API's rows:\n {2}data\.n: expected 1, got 2/,
    );
  });

  it("maps PostGraphile's answers onto the API's rows", () => {
    const quote = { text: 't', kind: 'DIRECT', startOffset: 1, endOffset: 2 };
    expect(
      postgraphileQuery(heavy)?.toApi({
        allSpeakers: { nodes: [{ quotesBySpeakerId: { nodes: [{ ...quote, articleByArticleId: { title: 'T' } }] } }] },
      }),
    ).toEqual({ quotes: { nodes: [{ ...quote, article: { title: 'T' } }] } });
    expect(postgraphileQuery(heavy)?.toApi({ allSpeakers: { nodes: [] } })).toEqual({ quotes: { nodes: [] } });
    const party = { slug: 's', name: 'N' };
    expect(
      postgraphileQuery(events)?.toApi({
        eventsInRange: {
          nodes: [
            {
              slug: 'e',
              title: 'E',
              dateStart: '2021-03-01',
              dateEnd: '2021-03-31',
              datePrecision: 'MONTH',
              eventParticipantsByEventId: {
                nodes: [
                  { role: 'ACTOR', speakerBySpeakerId: party, organizationByOrganizationId: null },
                  { role: 'OTHER', speakerBySpeakerId: null, organizationByOrganizationId: party },
                ],
              },
            },
          ],
        },
      }),
    ).toEqual({
      events: {
        nodes: [
          {
            slug: 'e',
            title: 'E',
            date: { start: '2021-03-01', end: '2021-03-31', precision: 'MONTH' },
            participants: {
              edges: [
                { role: 'ACTOR', node: { __typename: 'Speaker', ...party } },
                { role: 'OTHER', node: { __typename: 'Organization', ...party } },
              ],
            },
          },
        ],
      },
    });
    expect(postgraphileQuery(typename)?.toApi({ __typename: 'Query' })).toEqual({ __typename: 'Query' });
    expect(postgraphileQuery(headline('d'))).toBeUndefined();
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
const installed = postgraphileInstall();
const withPostGraphile = installed.installed === installed.locked;
if (!serverUrl) console.log('bench end to end: skipped (needs TEST_DATABASE_URL, a PostgreSQL server)');
else if (!withPostGraphile)
  console.log(
    `bench end to end: without PostGraphile (${installed.locked} is not installed in bench/peers; npm run bench:peers installs it)`,
  );

describe.skipIf(!serverUrl)('the bench, end to end on a generated corpus', () => {
  const name = `verbatim_test_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const env = { BENCH_SERVER_URL: serverUrl ?? '' };
  const dir = mkdtempSync(path.join(tmpdir(), 'verbatim-bench-test-'));

  beforeAll(async () => {
    const load = await run('bench/corpus/load.ts', ['--quotes', String(QUOTES), '--database', name], env, 120_000);
    expect(load.code, load.stderr + load.stdout).toBe(0);
  }, 180_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const admin = postgres(serverUrl ?? '', { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('checks every target row by row, measures each, and writes the report', async () => {
    const out = path.join(dir, 'report.json');
    const args = ['--quotes', String(QUOTES), '--database', name, '--duration', '1', '--warmup', '0', '--rounds', '1'];
    args.push('--only', 'a-heavy,a-light,b,typename', '--no-small', '--out', out, ...(withPostGraphile ? [] : ['--no-peers']));
    const bench = await run('bench/run.ts', args, env, 240_000);
    expect(bench.code, bench.stderr + bench.stdout).toBe(0);
    expect(bench.stdout).toMatch(/checking that every target answers the API rows/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      rows: { scenario: string; target: string; failures: number; rps: { median: number } }[];
    };
    const targets = ['api', 'api-cached', ...(withPostGraphile ? ['postgraphile'] : []), 'floor'];
    const expected = [
      ...['a-heavy', 'a-light', 'b'].flatMap((s) => targets.map((t) => `${s}/${t}`)),
      ...targets.filter((t) => t !== 'api-cached').map((t) => `typename/${t}`),
    ];
    expect(report.rows.map((r) => `${r.scenario}/${r.target}`)).toEqual(expected);
    for (const r of report.rows) {
      expect(r.failures, `${r.scenario}/${r.target}`).toBe(0);
      expect(r.rps.median, `${r.scenario}/${r.target}`).toBeGreaterThan(0);
    }
  }, 300_000);

  describe.skipIf(!withPostGraphile)('PostGraphile', () => {
    const servers: Server[] = [];
    let api: Server;
    let graphile: Server;
    beforeAll(async () => {
      const url = databaseUrl(name);
      await installPeerSchema(url);
      await installPeerSchema(url); // idempotent
      api = await startServer(
        'api',
        ['--import', 'tsx', 'src/server/main.ts'],
        { DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'warn' },
        {
          cwd: root,
          logDir: dir,
        },
      );
      servers.push(api);
      graphile = await startServer('postgraphile', [POSTGRAPHILE_SERVER], { DATABASE_URL: url, PORT: '0' }, { cwd: root, logDir: dir });
      servers.push(graphile);
    }, 120_000);
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
    });

    it("answers the API's rows for (a), (b) and __typename, and the check catches a different page", async () => {
      const answer = async (server: Server, h: Headline, target: 'api' | 'postgraphile') => {
        const { body, toApi } = requestFor(h, target);
        const { json } = await post(server, body);
        expect(json.errors).toBeUndefined();
        return toApi(json.data ?? {});
      };
      for (const h of [heavy, light, events, typename]) {
        const expected = await answer(api, h, 'api');
        expect(() => assertSameRows(h.key, 'postgraphile', expected, expected)).not.toThrow();
        assertSameRows(h.key, 'postgraphile', expected, await answer(graphile, h, 'postgraphile'));
      }
      // The light speaker's page is not the heavy speaker's; a page one event shorter is not the page.
      const heavyPage = await answer(api, heavy, 'api');
      const lightPage = await answer(graphile, light, 'postgraphile');
      expect(() => assertSameRows('a-heavy', 'postgraphile', heavyPage, lightPage)).toThrow(/quotes\.nodes\[0\]\.text: expected/);
      const page = (await answer(api, events, 'api')) as { events: { nodes: unknown[] } };
      const k = page.events.nodes.length;
      expect(k).toBeGreaterThan(1);
      const shorterPage = await answer(graphile, { ...events, variables: { ...events.variables, n: k - 1 } }, 'postgraphile');
      expect(() => assertSameRows('b', 'postgraphile', page, shorterPage)).toThrow(`data.events.nodes: expected ${k} rows, got ${k - 1}`);
    });
  });
});
