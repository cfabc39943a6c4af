/**
 * events(from, to) against a brute-force answer: events of every span (a day to decades, and
 * unknown dates), ranges open or closed on either side, read page by page in both directions.
 * The page is read span by span (src/schema/event.ts bySpan); this is what keeps it honest.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

interface Ev {
  slug: string;
  start: string | null;
  end: string | null;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Deterministic events: spans from 0 days to 30 years around 1990–2030, a few undated. */
function makeEvents(): Ev[] {
  const spans = [0, 0, 1, 6, 27, 30, 31, 32, 90, 364, 365, 366, 367, 1000, 3652, 3653, 3654, 5000, 11000];
  const out: Ev[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 120; i++) {
    const span = spans[i % spans.length] as number;
    const start = Date.UTC(1990, 0, 1) + Math.floor(next() * 40 * 365) * DAY;
    out.push({ slug: `ev-${String(i).padStart(3, '0')}`, start: iso(start), end: iso(start + span * DAY) });
  }
  for (let i = 0; i < 5; i++) out.push({ slug: `undated-${i}`, start: null, end: null });
  return out;
}

const EVENTS = makeEvents();
const ORDER = (a: Ev, b: Ev) => (a.start! < b.start! ? -1 : a.start! > b.start! ? 1 : a.end! < b.end! ? -1 : a.end! > b.end! ? 1 : 0);

describeEachDatabase('events(from, to) overlap', (suite) => {
  let app: App;
  let all: (Ev & { id: number })[] = [];
  const ids = new Map<string, number>();

  beforeAll(async () => {
    for (const e of EVENTS) {
      const precision = e.start === null ? null : 'APPROXIMATE';
      await suite.db.execute(sql`
        INSERT INTO events (slug, title, kind, date_start, date_end, date_precision)
        VALUES (${e.slug}, ${e.slug}, 'OTHER', ${e.start}::date, ${e.end}::date, ${precision}::date_precision)`);
    }
    // The database may hold other events (the seed corpus's migration): the answer counts them too.
    const rows = await suite.db.execute(sql`SELECT id, slug, date_start::text AS start, date_end::text AS "end" FROM events`);
    all = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as (Ev & { id: number })[];
    for (const e of all) ids.set(e.slug, e.id);
    app = createApp({ db: suite.db });
  });

  /** Every page of the list, `first`/`after` forward or `last`/`before` backward. */
  async function readAll(
    range: { from?: string; to?: string },
    backward: boolean,
    size: number,
  ): Promise<{ slugs: string[]; total: number }> {
    const doc = `query ($from: Date, $to: Date, $first: Int, $after: String, $last: Int, $before: String) {
      events(from: $from, to: $to, first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { slug } } }`;
    const pages: string[][] = [];
    let cursor: string | null = null;
    let total = 0;
    for (let guard = 0; guard < 200; guard++) {
      const vars: Record<string, unknown> = backward ? { ...range, last: size, before: cursor } : { ...range, first: size, after: cursor };
      const page: { totalCount: number; pageInfo: Record<string, string | boolean | null>; nodes: { slug: string }[] } = (
        await query(app, doc, vars)
      ).events;
      total = page.totalCount;
      pages.push(page.nodes.map((n) => n.slug));
      const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
      if (!more) break;
      cursor = (backward ? page.pageInfo.startCursor : page.pageInfo.endCursor) as string | null;
    }
    if (backward) pages.reverse();
    return { slugs: pages.flat(), total };
  }

  const RANGES: { from?: string; to?: string }[] = [
    { from: '2005-03-01', to: '2005-03-31' },
    { from: '2012-01-01', to: '2012-12-31' },
    { from: '1999-12-31', to: '1999-12-31' },
    { from: '2020-06-15', to: '2021-06-15' },
    { from: '1980-01-01', to: '1989-12-31' },
    { from: '2025-01-01' },
    { to: '1995-06-30' },
  ];

  it('gives exactly the overlapping events, in order, whatever the range and the direction', async () => {
    for (const range of RANGES) {
      const expected = all
        .filter(
          (e) => e.start !== null && (range.to === undefined || e.start <= range.to) && (range.from === undefined || e.end! >= range.from),
        )
        .sort((a, b) => ORDER(a, b) || ids.get(a.slug)! - ids.get(b.slug)!)
        .map((e) => e.slug);
      for (const [backward, size] of [
        [false, 3],
        [true, 4],
        [false, 50],
      ] as const) {
        const got = await readAll(range, backward, size);
        expect(got.slugs, `${JSON.stringify(range)} ${backward ? 'backward' : 'forward'} by ${size}`).toEqual(expected);
        expect(got.total).toBe(expected.length);
      }
    }
  });
});
