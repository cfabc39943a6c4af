/**
 * The review page's article from the database: plain SQL through the db layer (the page shows
 * stored rows as they are; it is not a GraphQL client).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { placeNames, type ArticleSummary, type ReviewArticle } from './model.js';

export async function listArticles(db: Database): Promise<ArticleSummary[]> {
  const rows = await queryRows<{ slug: string; title: string; outlet: string | null; published_on: string; quotes: number }>(
    db,
    sql`SELECT a.slug, a.title, a.outlet, a.published_on::text AS published_on,
          (SELECT count(*)::int FROM quotes q WHERE q.article_id = a.id) AS quotes
        FROM articles a ORDER BY a.published_on DESC, a.slug`,
  );
  return rows.map((r) => ({ slug: r.slug, title: r.title, outlet: r.outlet, publishedOn: r.published_on, quotes: Number(r.quotes) }));
}

export async function articleForReview(db: Database, slug: string): Promise<ReviewArticle | undefined> {
  const [article] = await queryRows<{
    id: number;
    slug: string;
    title: string;
    authors: string[];
    outlet: string | null;
    published_on: string;
    url: string | null;
    body: string;
  }>(db, sql`SELECT id, slug, title, authors, outlet, published_on::text AS published_on, url, body FROM articles WHERE slug = ${slug}`);
  if (!article) return undefined;
  const quotes = await queryRows<{
    kind: 'DIRECT' | 'PARTIAL' | 'INDIRECT';
    text: string;
    start_offset: number;
    end_offset: number;
    verb: string | null;
    channel: string | null;
    speaker_description: string | null;
    said_text: string | null;
    slug: string;
    name: string;
    speaker_kind: string;
  }>(
    db,
    sql`SELECT q.kind, q.text, q.start_offset, q.end_offset, q.verb, q.channel, q.speaker_description, q.said_text,
          s.slug, s.name, s.kind AS speaker_kind
        FROM quotes q JOIN speakers s ON s.id = q.speaker_id
        WHERE q.article_id = ${article.id} ORDER BY q.start_offset, q.end_offset`,
  );
  const linked = await queryRows<{
    entity: 'speaker' | 'organization';
    slug: string;
    name: string;
    aliases: string[];
    mention: string | null;
  }>(
    db,
    sql`SELECT 'speaker' AS entity, s.slug, s.name, s.aliases, x.mention FROM article_speakers x JOIN speakers s ON s.id = x.speaker_id WHERE x.article_id = ${article.id}
        UNION ALL
        SELECT 'organization', o.slug, o.name, o.aliases, x.mention FROM article_organizations x JOIN organizations o ON o.id = x.organization_id WHERE x.article_id = ${article.id}`,
  );
  const events = await queryRows<{
    slug: string;
    title: string;
    kind: string;
    date_start: string | null;
    date_end: string | null;
    date_precision: string | null;
    date_text: string | null;
    start_offset: number | null;
    end_offset: number | null;
  }>(
    db,
    sql`SELECT e.slug, e.title, e.kind, e.date_start::text AS date_start, e.date_end::text AS date_end, e.date_precision, e.date_text,
          ae.start_offset, ae.end_offset
        FROM article_events ae JOIN events e ON e.id = ae.event_id
        WHERE ae.article_id = ${article.id} ORDER BY e.date_start NULLS LAST, ae.start_offset`,
  );
  return {
    slug: article.slug,
    title: article.title,
    authors: article.authors,
    outlet: article.outlet,
    publishedOn: article.published_on,
    url: article.url,
    body: article.body,
    quotes: quotes.map((q) => ({
      start: q.start_offset,
      end: q.end_offset,
      kind: q.kind,
      text: q.text,
      speaker: { slug: q.slug, name: q.name, kind: q.speaker_kind },
      verb: q.verb,
      channel: q.channel,
      description: q.speaker_description,
      said: q.said_text,
    })),
    names: placeNames(
      article.body,
      linked.map((l) => ({
        entity: l.entity,
        slug: l.slug,
        name: l.name,
        forms: [l.mention, l.name, ...l.aliases].filter((f): f is string => !!f),
      })),
    ),
    events: events.map((e) => ({
      slug: e.slug,
      title: e.title,
      kind: e.kind,
      date:
        e.date_start && e.date_end && e.date_precision
          ? { start: e.date_start, end: e.date_end, precision: e.date_precision, text: e.date_text }
          : null,
      sentence: e.start_offset !== null && e.end_offset !== null ? { start: e.start_offset, end: e.end_offset } : null,
    })),
    problems: [],
    source: 'database',
  };
}
