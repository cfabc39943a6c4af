/**
 * A small, deterministic corpus for API tests, inserted through drizzle. It does not depend on
 * the seed article: three articles, speakers and organizations with aliases and accents, quotes
 * with exact offsets, and events at every date precision (and one with no known date).
 * `seedScale` adds a corpus of a chosen size for the statement-count tests.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import {
  articleEvents,
  articleOrganizations,
  articleParagraphs,
  articles,
  articleSpeakers,
  eventParticipants,
  events,
  organizations,
  quotes,
  speakerRoles,
  speakers,
} from '../../src/db/schema.js';

type NewQuote = typeof quotes.$inferInsert;
type NewEvent = typeof events.$inferInsert;
type Role = (typeof eventParticipants.$inferInsert)['role'];

/** Inserts an article with its paragraphs; returns its id and a helper to place quotes in it. */
async function insertArticle(
  db: Database,
  article: { slug: string; title: string; publishedOn: string; paragraphs: string[]; authors?: string[]; outlet?: string },
) {
  const body = article.paragraphs.join('\n\n');
  const [row] = await db
    .insert(articles)
    .values({
      slug: article.slug,
      title: article.title,
      publishedOn: article.publishedOn,
      body,
      authors: article.authors ?? ['Ana Reporter'],
      outlet: article.outlet ?? 'The Fixture Times',
    })
    .returning({ id: articles.id });
  const articleId = row!.id;
  let offset = 0;
  const starts = article.paragraphs.map((p) => {
    const start = offset;
    offset += p.length + 2;
    return start;
  });
  await db.insert(articleParagraphs).values(
    article.paragraphs.map((p, position) => ({
      articleId,
      position,
      startOffset: starts[position]!,
      endOffset: starts[position]! + p.length,
    })),
  );
  /** Where `text` stands in the body (it must be there): offsets and paragraph. */
  const locate = (text: string) => {
    const start = body.indexOf(text);
    if (start < 0) throw new Error(`fixture: ${JSON.stringify(text)} is not in ${article.slug}`);
    const paragraph = starts.findLastIndex((s) => s <= start);
    return { startOffset: start, endOffset: start + text.length, paragraph };
  };
  const quote = (
    speakerId: number,
    q: Omit<NewQuote, 'articleId' | 'speakerId' | 'publishedOn' | 'paragraph' | 'startOffset' | 'endOffset'> & { at?: string },
  ): NewQuote => {
    const { at, ...rest } = q;
    return { ...rest, ...locate(at ?? q.text), articleId, speakerId, publishedOn: article.publishedOn };
  };
  return { id: articleId, body, locate, quote };
}

async function ids<T extends { slug: string }>(rows: Promise<(T & { id: number })[]>): Promise<Record<string, number>> {
  return Object.fromEntries((await rows).map((r) => [r.slug, r.id]));
}

export interface Fixture {
  articles: Record<string, number>;
  speakers: Record<string, number>;
  organizations: Record<string, number>;
  events: Record<string, number>;
}

/** The base corpus. Call once per database. */
/**
 * Removes every article and entity, including the seed corpus the migrations bring, so a suite
 * can build a corpus it controls.
 */
export async function emptyCorpus(db: Database): Promise<void> {
  await db.execute(sql`TRUNCATE articles, speakers, organizations, events RESTART IDENTITY CASCADE`);
}

export async function seedCorpus(db: Database): Promise<Fixture> {
  await emptyCorpus(db);
  const org = await ids(
    db
      .insert(organizations)
      .values([
        { slug: 'government-of-mexico', name: 'Government of Mexico', kind: 'GOVERNMENT', country: 'MX' },
        { slug: 'us-government', name: 'United States Government', kind: 'GOVERNMENT', country: 'US', aliases: ['Washington'] },
        {
          slug: 'mara-salvatrucha',
          name: 'Mara Salvatrucha',
          kind: 'CRIMINAL_ORGANIZATION',
          aliases: ['MS-13'],
          description: 'A transnational street gang.',
        },
        { slug: 'sinaloa-cartel', name: 'Sinaloa Cartel', kind: 'CRIMINAL_ORGANIZATION', country: 'MX', aliases: ['Cártel de Sinaloa'] },
        { slug: 'cartel-de-los-soles', name: 'Cártel de los Soles', kind: 'CRIMINAL_ORGANIZATION', country: 'VE' },
      ])
      .returning({ id: organizations.id, slug: organizations.slug }),
  );
  Object.assign(
    org,
    await ids(
      db
        .insert(organizations)
        .values([
          {
            slug: 'mexican-navy',
            name: 'Mexican Navy',
            kind: 'MILITARY',
            country: 'MX',
            parentId: org['government-of-mexico']!,
            aliases: ['Secretaría de Marina', 'Semar'],
          },
          {
            slug: 'us-state-department',
            name: 'United States Department of State',
            kind: 'GOVERNMENT_BODY',
            country: 'US',
            parentId: org['us-government']!,
            aliases: ['State Department'],
          },
        ])
        .returning({ id: organizations.id, slug: organizations.slug }),
    ),
  );

  const sp = await ids(
    db
      .insert(speakers)
      .values([
        {
          slug: 'claudia-sheinbaum',
          name: 'Claudia Sheinbaum',
          kind: 'PERSON',
          aliases: ['Claudia Sheinbaum Pardo'],
          description: 'President of Mexico.',
        },
        { slug: 'donald-trump', name: 'Donald Trump', kind: 'PERSON', description: 'President of the United States.' },
        { slug: 'vito-hernandez-ochoa', name: 'Vito Hernández Ochoa', kind: 'PERSON', description: 'Security analyst.' },
        { slug: 'ronald-johnson', name: 'Ronald Johnson', kind: 'PERSON', description: 'US Ambassador to Mexico; named, never quoted.' },
        { slug: 'state-department', name: 'State Department', kind: 'ORGANIZATION', organizationId: org['us-state-department']! },
        { slug: 'us-officials', name: 'US officials', kind: 'UNNAMED_GROUP' },
      ])
      .returning({ id: speakers.id, slug: speakers.slug }),
  );

  await db.insert(speakerRoles).values([
    {
      speakerId: sp['claudia-sheinbaum']!,
      organizationId: org['government-of-mexico']!,
      title: 'President of Mexico',
      startOn: '2024-10-01',
    },
    {
      speakerId: sp['donald-trump']!,
      organizationId: org['us-government']!,
      title: 'President of the United States',
      startOn: '2025-01-20',
    },
    {
      speakerId: sp['donald-trump']!,
      organizationId: org['us-government']!,
      title: 'President of the United States (first term)',
      startOn: '2017-01-20',
      endOn: '2021-01-20',
      datesExternal: true,
    },
    { speakerId: sp['ronald-johnson']!, organizationId: org['us-state-department']!, title: 'US Ambassador to Mexico' },
  ]);

  const a1 = await insertArticle(db, {
    slug: 'mexico-rejects-strikes',
    title: 'Mexico rejects US military strikes on cartels',
    publishedOn: '2025-08-15',
    paragraphs: [
      'Mexican President Claudia Sheinbaum said on Tuesday that "there will be no invasion of Mexico" after reports of a US order.',
      'Donald Trump said the cartels are "terrorist organizations" and that the Navy raid on August 12 was only the start.',
      'US officials said the plan had been discussed since February, when Mara Salvatrucha (MS-13) was designated.',
      'Security analyst Vito Hernández Ochoa warned that "strikes would not end the violence."',
    ],
  });
  const a2 = await insertArticle(db, {
    slug: 'ms13-designated',
    title: 'US designates MS-13 a terrorist organization',
    publishedOn: '2025-02-20',
    paragraphs: [
      'The State Department designated Mara Salvatrucha a foreign terrorist organization in February.',
      'Claudia Sheinbaum said Mexico "will cooperate, but will not subordinate" to Washington.',
      'The Sinaloa Cartel was designated at the same time.',
    ],
  });
  const a3 = await insertArticle(db, {
    slug: 'a-century-of-intervention',
    title: 'A century of US military expeditions into Mexico',
    publishedOn: '2025-09-01',
    paragraphs: [
      'In 1916, the Pershing expedition crossed into Mexico.',
      'Claudia Sheinbaum recalled that "history teaches us to defend sovereignty."',
      'Violence grew through the 2000s, historians say.',
    ],
  });
  const art = { 'mexico-rejects-strikes': a1.id, 'ms13-designated': a2.id, 'a-century-of-intervention': a3.id };

  await db.insert(quotes).values([
    a1.quote(sp['claudia-sheinbaum']!, {
      kind: 'DIRECT',
      text: 'there will be no invasion of Mexico',
      speakerDescription: 'Mexican President',
      verb: 'said',
      saidStart: '2025-08-12',
      saidEnd: '2025-08-12',
      saidPrecision: 'DAY',
      saidText: 'on Tuesday',
    }),
    a1.quote(sp['donald-trump']!, { kind: 'PARTIAL', text: 'terrorist organizations', verb: 'said' }),
    a1.quote(sp['us-officials']!, {
      kind: 'INDIRECT',
      text: 'The plan had been discussed since February.',
      at: 'the plan had been discussed since February',
      verb: 'said',
    }),
    a1.quote(sp['vito-hernandez-ochoa']!, {
      kind: 'DIRECT',
      text: 'strikes would not end the violence.',
      speakerDescription: 'Security analyst',
      verb: 'warned',
    }),
    a2.quote(sp['state-department']!, {
      kind: 'INDIRECT',
      text: 'Mara Salvatrucha is a foreign terrorist organization.',
      at: 'designated Mara Salvatrucha a foreign terrorist organization',
      channel: 'a statement',
    }),
    a2.quote(sp['claudia-sheinbaum']!, { kind: 'DIRECT', text: 'will cooperate, but will not subordinate', verb: 'said' }),
    a3.quote(sp['claudia-sheinbaum']!, { kind: 'DIRECT', text: 'history teaches us to defend sovereignty.', verb: 'recalled' }),
  ]);

  const eventRows: NewEvent[] = [
    {
      slug: 'navy-raid',
      title: 'Navy raid on a cartel laboratory',
      kind: 'MILITARY_ACTION',
      dateStart: '2025-08-12',
      dateEnd: '2025-08-12',
      datePrecision: 'DAY',
      dateText: 'on August 12',
      places: ['Culiacán'],
    },
    {
      slug: 'ms13-designation',
      title: 'MS-13 designated a terrorist organization',
      kind: 'DESIGNATION',
      dateStart: '2025-02-01',
      dateEnd: '2025-02-28',
      datePrecision: 'MONTH',
      dateText: 'in February',
    },
    {
      slug: 'sinaloa-designation',
      title: 'Sinaloa Cartel designated a terrorist organization',
      kind: 'DESIGNATION',
      dateStart: '2025-02-01',
      dateEnd: '2025-02-28',
      datePrecision: 'MONTH',
      dateText: 'at the same time',
    },
    {
      slug: 'pershing-expedition',
      title: 'The Pershing expedition',
      description: 'US troops crossed into Mexico.',
      kind: 'INVASION',
      dateStart: '1916-01-01',
      dateEnd: '1916-12-31',
      datePrecision: 'YEAR',
      dateText: 'In 1916',
    },
    {
      slug: 'strike-order',
      title: 'Order to use military force against cartels',
      kind: 'ORDER',
      dateStart: '2025-08-01',
      dateEnd: '2025-08-15',
      datePrecision: 'APPROXIMATE',
      dateText: 'reports of a US order',
    },
    {
      slug: 'cartel-violence',
      title: 'Cartel violence grows',
      kind: 'OTHER',
      dateStart: '2000-01-01',
      dateEnd: '2009-12-31',
      datePrecision: 'DECADE',
      dateText: 'through the 2000s',
      dateExternal: true,
    },
    { slug: 'sovereignty-talks', title: 'Talks on sovereignty and security', kind: 'STATEMENT' },
  ];
  const ev = await ids(db.insert(events).values(eventRows).returning({ id: events.id, slug: events.slug }));

  const part = (event: string, role: Role, who: { speaker?: string; organization?: string }) => ({
    eventId: ev[event]!,
    role,
    speakerId: who.speaker ? sp[who.speaker]! : null,
    organizationId: who.organization ? org[who.organization]! : null,
  });
  await db
    .insert(eventParticipants)
    .values([
      part('navy-raid', 'ACTOR', { organization: 'mexican-navy' }),
      part('navy-raid', 'TARGET', { organization: 'sinaloa-cartel' }),
      part('ms13-designation', 'ACTOR', { organization: 'us-state-department' }),
      part('ms13-designation', 'TARGET', { organization: 'mara-salvatrucha' }),
      part('sinaloa-designation', 'ACTOR', { organization: 'us-state-department' }),
      part('sinaloa-designation', 'TARGET', { organization: 'sinaloa-cartel' }),
      part('strike-order', 'ACTOR', { speaker: 'donald-trump' }),
      part('strike-order', 'TARGET', { organization: 'sinaloa-cartel' }),
      part('strike-order', 'OBSERVER', { speaker: 'claudia-sheinbaum' }),
      part('sovereignty-talks', 'ACTOR', { speaker: 'claudia-sheinbaum' }),
      part('sovereignty-talks', 'PARTNER', { speaker: 'donald-trump' }),
      part('sovereignty-talks', 'SUBJECT', { speaker: 'donald-trump' }),
    ]);

  const report = (article: typeof a1, event: string, sentence: string) => {
    const { startOffset, endOffset } = article.locate(sentence);
    return { articleId: article.id, eventId: ev[event]!, sentence, startOffset, endOffset };
  };
  await db
    .insert(articleEvents)
    .values([
      report(a1, 'navy-raid', 'the Navy raid on August 12 was only the start'),
      report(a1, 'strike-order', 'after reports of a US order'),
      report(a1, 'ms13-designation', 'since February, when Mara Salvatrucha (MS-13) was designated'),
      report(a2, 'ms13-designation', 'The State Department designated Mara Salvatrucha a foreign terrorist organization in February.'),
      report(a2, 'sinaloa-designation', 'The Sinaloa Cartel was designated at the same time.'),
      report(a3, 'pershing-expedition', 'In 1916, the Pershing expedition crossed into Mexico.'),
      report(a3, 'cartel-violence', 'Violence grew through the 2000s, historians say.'),
    ]);

  await db.insert(articleSpeakers).values([
    { articleId: a1.id, speakerId: sp['claudia-sheinbaum']!, mention: 'Mexican President Claudia Sheinbaum' },
    { articleId: a1.id, speakerId: sp['donald-trump']!, mention: 'Donald Trump' },
    { articleId: a1.id, speakerId: sp['us-officials']!, mention: 'US officials' },
    { articleId: a1.id, speakerId: sp['vito-hernandez-ochoa']!, mention: 'Security analyst Vito Hernández Ochoa' },
    { articleId: a2.id, speakerId: sp['state-department']!, mention: 'The State Department' },
    { articleId: a2.id, speakerId: sp['claudia-sheinbaum']!, mention: 'Claudia Sheinbaum' },
    { articleId: a3.id, speakerId: sp['claudia-sheinbaum']!, mention: 'Claudia Sheinbaum' },
  ]);
  await db.insert(articleOrganizations).values([
    { articleId: a1.id, organizationId: org['mexican-navy']!, mention: 'the Navy' },
    { articleId: a1.id, organizationId: org['mara-salvatrucha']!, mention: 'Mara Salvatrucha (MS-13)' },
    { articleId: a2.id, organizationId: org['us-state-department']!, mention: 'The State Department' },
    { articleId: a2.id, organizationId: org['mara-salvatrucha']!, mention: 'Mara Salvatrucha' },
    { articleId: a2.id, organizationId: org['sinaloa-cartel']!, mention: 'The Sinaloa Cartel' },
  ]);

  return { articles: art, speakers: sp, organizations: org, events: ev };
}

/**
 * A corpus of `n` speakers, each quoted once in the article `scale-<n>` (published in `year`) and
 * holding a role in the organization `scale-<n>-org`, and `n` events in `year` reported by that
 * article, each with the matching speaker as actor and the organization as target.
 */
export async function seedScale(db: Database, n: number, year: number): Promise<void> {
  const prefix = `scale-${n}`;
  const [o] = await db
    .insert(organizations)
    .values({ slug: `${prefix}-org`, name: `Scale ${n} Organization`, kind: 'OTHER' })
    .returning({ id: organizations.id });
  const numbers = Array.from({ length: n }, (_, i) => String(i + 1).padStart(3, '0'));
  const sp = await db
    .insert(speakers)
    .values(numbers.map((k) => ({ slug: `${prefix}-speaker-${k}`, name: `Scale Speaker ${n}-${k}`, kind: 'PERSON' as const })))
    .returning({ id: speakers.id });
  const article = await insertArticle(db, {
    slug: prefix,
    title: `A corpus of ${n}`,
    publishedOn: `${year}-06-01`,
    paragraphs: numbers.map((k) => `Speaker ${k} said "line ${k} of ${n}" today.`),
  });
  await db
    .insert(quotes)
    .values(sp.map((s, i) => article.quote(s.id, { kind: 'DIRECT', text: `line ${numbers[i]} of ${n}`, verb: 'said' })));
  await db.insert(speakerRoles).values(sp.map((s) => ({ speakerId: s.id, organizationId: o!.id, title: 'Member' })));
  await db.insert(articleSpeakers).values(sp.map((s) => ({ articleId: article.id, speakerId: s.id })));
  const ev = await db
    .insert(events)
    .values(
      numbers.map((k, i) => {
        const day = `${year}-03-${String((i % 28) + 1).padStart(2, '0')}`;
        return {
          slug: `${prefix}-event-${k}`,
          title: `Event ${k} of ${n}`,
          kind: 'OTHER' as const,
          dateStart: day,
          dateEnd: day,
          datePrecision: 'DAY' as const,
        };
      }),
    )
    .returning({ id: events.id });
  await db.insert(eventParticipants).values(
    ev.flatMap((e, i) => [
      { eventId: e.id, speakerId: sp[i]!.id, role: 'ACTOR' as const },
      { eventId: e.id, organizationId: o!.id, role: 'TARGET' as const },
    ]),
  );
  await db.insert(articleEvents).values(ev.map((e) => ({ articleId: article.id, eventId: e.id })));
}
