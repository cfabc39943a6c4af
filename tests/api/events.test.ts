import { expect, it } from 'vitest';
import { expectError, withCorpus } from '../helpers/api.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { query } from '../helpers/graphql.js';

const EVENTS = `query ($from: Date, $to: Date, $on: Date, $participant: String, $kind: EventKind) {
  events(from: $from, to: $to, on: $on, participant: $participant, kind: $kind) { totalCount nodes { slug } } }`;

describeEachDatabase('events', (suite) => {
  const api = withCorpus(suite);
  const slugs = async (variables: Record<string, unknown>) =>
    (await query(api.app, EVENTS, variables)).events.nodes.map((e: { slug: string }) => e.slug);

  it('events() lists all events by date: start, then end, then id; unknown dates last', async () => {
    expect(await slugs({})).toEqual([
      'pershing-expedition',
      'cartel-violence',
      'ms13-designation',
      'sinaloa-designation',
      'strike-order',
      'navy-raid',
      'sovereignty-talks',
    ]);
  });

  it("event(slug) gives the date as a range with precision, the article's words and whether it is external", async () => {
    const data = await query(
      api.app,
      `{ month: event(slug: "ms13-designation") { title kind places date { start end precision text external } }
         decade: event(slug: "cartel-violence") { date { start end precision text external } }
         unknown: event(slug: "sovereignty-talks") { date { start end precision text external } }
         missing: event(slug: "never-happened") { slug } }`,
    );
    expect(data.month).toEqual({
      title: 'MS-13 designated a terrorist organization',
      kind: 'DESIGNATION',
      places: [],
      date: { start: '2025-02-01', end: '2025-02-28', precision: 'MONTH', text: 'in February', external: false },
    });
    expect(data.decade.date).toEqual({
      start: '2000-01-01',
      end: '2009-12-31',
      precision: 'DECADE',
      text: 'through the 2000s',
      external: true,
    });
    expect(data.unknown.date).toEqual({ start: null, end: null, precision: null, text: null, external: false });
    expect(data.missing).toBeNull();
  });

  it('a DAY event matches only ranges that include its day', async () => {
    expect(await slugs({ on: '2025-08-12' })).toEqual(['strike-order', 'navy-raid']);
    expect(await slugs({ on: '2025-08-13' })).toEqual(['strike-order']);
    expect(await slugs({ from: '2025-08-12', to: '2025-08-12' })).toEqual(['strike-order', 'navy-raid']);
  });

  it('a MONTH event ("in February") is found by any day of the month', async () => {
    expect(await slugs({ on: '2025-02-14' })).toEqual(['ms13-designation', 'sinaloa-designation']);
    expect(await slugs({ on: '2025-02-01' })).toEqual(['ms13-designation', 'sinaloa-designation']);
    expect(await slugs({ on: '2025-02-28' })).toEqual(['ms13-designation', 'sinaloa-designation']);
    expect(await slugs({ on: '2025-03-01' })).toEqual([]);
  });

  it('a YEAR event is found by a range in that year, a range over the century, or a day in it', async () => {
    expect(await slugs({ from: '1900-01-01', to: '1999-12-31' })).toEqual(['pershing-expedition']);
    expect(await slugs({ on: '1916-07-04' })).toEqual(['pershing-expedition']);
    expect(await slugs({ from: '1916-12-31', to: '1917-06-30' })).toEqual(['pershing-expedition']);
    expect(await slugs({ from: '1917-01-01', to: '1999-12-31' })).toEqual([]);
  });

  it('events in a month: everything whose range overlaps it', async () => {
    expect(await slugs({ from: '2025-08-01', to: '2025-08-31' })).toEqual(['strike-order', 'navy-raid']);
  });

  it('open ranges: only from, or only to; unknown dates never match a date filter', async () => {
    expect(await slugs({ from: '2025-08-13' })).toEqual(['strike-order']);
    expect(await slugs({ to: '2009-12-31' })).toEqual(['pershing-expedition', 'cartel-violence']);
    expect(await slugs({ to: '2000-01-01' })).toEqual(['pershing-expedition', 'cartel-violence']);
    expect(await slugs({ from: '1000-01-01' })).not.toContain('sovereignty-talks');
  });

  it('participant and kind filter, alone or with dates', async () => {
    expect(await slugs({ participant: 'sinaloa-cartel' })).toEqual(['sinaloa-designation', 'strike-order', 'navy-raid']);
    expect(await slugs({ participant: 'claudia-sheinbaum' })).toEqual(['strike-order', 'sovereignty-talks']);
    expect(await slugs({ participant: 'sinaloa-cartel', on: '2025-02-10' })).toEqual(['sinaloa-designation']);
    expect(await slugs({ kind: 'DESIGNATION' })).toEqual(['ms13-designation', 'sinaloa-designation']);
    expect(await slugs({ kind: 'DESIGNATION', participant: 'mara-salvatrucha' })).toEqual(['ms13-designation']);
  });

  it('Event.participants gives speakers and organizations with their roles; Event.articles the reporting sentences', async () => {
    const data = await query(
      api.app,
      `{ event(slug: "strike-order") {
           participants { totalCount edges { role node { __typename ... on Speaker { slug } ... on Organization { slug kind } } } }
           articles { totalCount edges { sentence node { slug body } startOffset endOffset } } } }`,
    );
    expect(data.event.participants.edges).toEqual([
      { role: 'ACTOR', node: { __typename: 'Speaker', slug: 'donald-trump' } },
      { role: 'TARGET', node: { __typename: 'Organization', slug: 'sinaloa-cartel', kind: 'CRIMINAL_ORGANIZATION' } },
      { role: 'OBSERVER', node: { __typename: 'Speaker', slug: 'claudia-sheinbaum' } },
    ]);
    const [report] = data.event.articles.edges;
    expect(data.event.articles.totalCount).toBe(1);
    expect(report.node.slug).toBe('mexico-rejects-strikes');
    expect(report.node.body.slice(report.startOffset, report.endOffset)).toBe(report.sentence);
  });

  it('an event reported by two articles lists both, oldest first', async () => {
    const data = await query(api.app, `{ event(slug: "ms13-designation") { articles { nodes { slug } } } }`);
    expect(data.event.articles.nodes.map((a: { slug: string }) => a.slug)).toEqual(['ms13-designated', 'mexico-rejects-strikes']);
  });

  it('rejects bad date arguments and an unknown participant', async () => {
    await expectError(api.app, EVENTS, { on: '2025-02-30' }, 'BAD_USER_INPUT', /Invalid date "2025-02-30"/);
    await expectError(api.app, EVENTS, { from: 'August 2025' }, 'BAD_USER_INPUT', /Invalid date "August 2025"/);
    await expectError(api.app, `{ events(from: "2025-8-1") { totalCount } }`, {}, 'BAD_USER_INPUT', /Invalid date "2025-8-1"/);
    await expectError(api.app, EVENTS, { from: '2025-09-01', to: '2025-08-01' }, 'BAD_USER_INPUT', /`from` \(2025-09-01\) is after `to`/);
    await expectError(
      api.app,
      EVENTS,
      { on: '2025-08-12', to: '2025-08-31' },
      'BAD_USER_INPUT',
      /Pass `on` alone, or `from`\/`to`, not both/,
    );
    await expectError(api.app, EVENTS, { participant: 'nobody' }, 'NOT_FOUND', /No speaker or organization has the slug "nobody"/);
  });
});
