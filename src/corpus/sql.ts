/**
 * The SQL of article migrations: plain statements a reviewer can read, separated by drizzle's
 * `--> statement-breakpoint`.
 *
 * An article migration describes the article's whole state, so the first one and every correction
 * are the same kind of script, and applying one twice changes nothing:
 *  1. entities this article uses but other seeds define must already be in the database;
 *  2. the entities the article links now are remembered (a temporary table);
 *  3. the article is upserted by slug and its own rows (paragraphs, quotes, links) replaced;
 *  4. the entities the seed defines are upserted by slug (their roles and participants replaced);
 *  5. of the entities remembered in 2, those no article uses any more are deleted.
 * A retraction is 2, the article's deletion (its rows cascade), and 5.
 */
import { NO_REFINEMENTS, type Effective, type EntityUpdate } from './effective.js';
import { parseRecorded, recordedLine, type RecordedRefinement } from './refine.js';
import type { ResolvedArticle, ResolvedDate } from './validate.js';

export const BREAKPOINT = '--> statement-breakpoint';

export interface MigrationHeader {
  article: string;
  action: 'add' | 'correct' | 'retract';
  seed: string;
  hash: string;
  /** The tag of the migration this one corrects or retracts. */
  previous?: string | undefined;
  notes?: string[];
  /** What the seed adds to entities of other seeds, as this migration applied it. */
  refinements?: RecordedRefinement[];
}

type Value = string | number | boolean | null | readonly string[];

/** A SQL literal. Strings use standard quoting (standard_conforming_strings is on by default). */
export function lit(value: Value): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`not an integer: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return value.length === 0 ? `'{}'::text[]` : `ARRAY[${value.map(lit).join(', ')}]::text[]`;
}

const rows = (values: Value[][]) => values.map((r) => `  (${r.map(lit).join(', ')})`).join(',\n');
const idOf = (table: string, slug: string | null) => (slug === null ? 'NULL' : `(SELECT id FROM ${table} WHERE slug = ${lit(slug)})`);
const slugList = (slugs: string[]) => `(${slugs.map(lit).join(', ')})`;

export function header(h: MigrationHeader): string {
  const lines = [
    h.action === 'retract'
      ? '-- Verbatim article retraction, written by `npm run corpus:retract`.'
      : '-- Verbatim article migration, written by `npm run corpus:add` from the seed below.',
    '-- Review it, but do not edit it: change the seed and run the command again.',
    `-- article: ${h.article}`,
    `-- action: ${h.action}${h.previous ? ` (after ${h.previous})` : ''}`,
    `-- seed: ${h.seed}`,
    `-- source-hash: ${h.hash}`,
  ];
  if (h.notes && h.notes.length > 0) {
    lines.push('-- notes:');
    for (const note of h.notes) lines.push(...note.split('\n').map((l, i) => `--   ${i === 0 ? '- ' : '  '}${l}`.trimEnd()));
  }
  // Read back by later migrations (effective.ts): one JSON object per line.
  for (const r of h.refinements ?? []) lines.push(recordedLine(r));
  return lines.join('\n');
}

/** Reads the header back (the fields corpus:add and corpus:check rely on). */
export function parseHeader(sql: string): MigrationHeader | undefined {
  const field = (name: string) => new RegExp(`^-- ${name}: (.*)$`, 'm').exec(sql)?.[1]?.trim();
  const article = field('article');
  const actionLine = field('action');
  const seed = field('seed');
  const hash = field('source-hash');
  if (!article || !actionLine || !seed || !hash || !sql.startsWith('-- Verbatim article')) return undefined;
  const m = /^(add|correct|retract)(?: \(after (\S+)\))?$/.exec(actionLine);
  if (!m) return undefined;
  return { article, action: m[1] as MigrationHeader['action'], seed, hash, previous: m[2], refinements: parseRecorded(sql) };
}

/** The statements that bring the database to the article's state, after the header. */
export function articleStatements(a: ResolvedArticle, effective: Effective = NO_REFINEMENTS): string[] {
  const article = `(SELECT id FROM articles WHERE slug = ${lit(a.slug)})`;
  const out: string[] = [];

  const used = [
    ...a.external.speaker.map((s) => ['speakers', s]),
    ...a.external.organization.map((s) => ['organizations', s]),
    ...a.external.event.map((s) => ['events', s]),
  ];
  if (used.length > 0) out.push(referenceCheck(a.slug, used as [string, string][]));

  out.push(...rememberLinks(a.slug));

  out.push(`-- The article, by slug.
INSERT INTO articles (slug, title, authors, outlet, published_on, url, language, body, source_hash)
VALUES (${[a.slug, a.title, a.authors, a.outlet, a.publishedOn, a.url, a.language].map(lit).join(', ')},
${lit(a.body)},
${lit(a.hash)})
ON CONFLICT (slug) DO UPDATE SET
  title = EXCLUDED.title, authors = EXCLUDED.authors, outlet = EXCLUDED.outlet,
  published_on = EXCLUDED.published_on, url = EXCLUDED.url, language = EXCLUDED.language,
  body = EXCLUDED.body, source_hash = EXCLUDED.source_hash;`);

  out.push(`-- Its own rows are replaced below.
DELETE FROM quotes WHERE article_id = ${article};`);
  for (const table of ['article_paragraphs', 'article_events', 'article_speakers', 'article_organizations']) {
    out.push(`DELETE FROM ${table} WHERE article_id = ${article};`);
  }

  if (a.organizations.length > 0) {
    out.push(`-- Organizations this seed defines.
INSERT INTO organizations (slug, name, kind, aliases, country, description, wikidata_id) VALUES
${rows(a.organizations.map((o) => [o.slug, o.name, o.kind, effective.aliases.get(`organization:${o.slug}`) ?? o.aliases, o.country, o.description, o.wikidataId]))}
ON CONFLICT (slug) DO UPDATE SET
  name = EXCLUDED.name, kind = EXCLUDED.kind, aliases = EXCLUDED.aliases, country = EXCLUDED.country,
  description = EXCLUDED.description, wikidata_id = EXCLUDED.wikidata_id;`);
    // Parents once all organizations exist (a parent may come later in the list).
    out.push(`UPDATE organizations o SET parent_id = (SELECT p.id FROM organizations p WHERE p.slug = v.parent)
FROM (VALUES
${rows(a.organizations.map((o) => [o.slug, o.parent]))}
) AS v(slug, parent)
WHERE o.slug = v.slug;`);
  }

  if (a.speakers.length > 0) {
    out.push(`-- Speakers this seed defines, and their roles.
INSERT INTO speakers (slug, name, kind, aliases, description, wikidata_id, organization_id) VALUES
${a.speakers
  .map(
    (s) =>
      `  (${[s.slug, s.name, s.kind, effective.aliases.get(`speaker:${s.slug}`) ?? s.aliases, s.description, s.wikidataId].map(lit).join(', ')}, ${idOf('organizations', s.organization)})`,
  )
  .join(',\n')}
ON CONFLICT (slug) DO UPDATE SET
  name = EXCLUDED.name, kind = EXCLUDED.kind, aliases = EXCLUDED.aliases, description = EXCLUDED.description,
  wikidata_id = EXCLUDED.wikidata_id, organization_id = EXCLUDED.organization_id;`);
    out.push(
      `DELETE FROM speaker_roles WHERE speaker_id IN (SELECT id FROM speakers WHERE slug IN ${slugList(a.speakers.map((s) => s.slug))});`,
    );
    const roles = a.speakers.flatMap((s) => s.roles.map((r) => ({ speaker: s.slug, ...r })));
    if (roles.length > 0) {
      out.push(`INSERT INTO speaker_roles (speaker_id, organization_id, title, start_on, end_on, dates_external) VALUES
${roles
  .map(
    (r) =>
      `  (${idOf('speakers', r.speaker)}, ${idOf('organizations', r.organization)}, ${[r.title, r.startOn, r.endOn, r.datesExternal].map(lit).join(', ')})`,
  )
  .join(',\n')};`);
    }
  }

  if (a.events.length > 0) {
    const date = (d: ResolvedDate | null): Value[] =>
      d ? [d.start, d.end, d.precision, d.text, d.external] : [null, null, null, null, false];
    out.push(`-- Events this seed defines, and who took part.
INSERT INTO events (slug, title, description, kind, date_start, date_end, date_precision, date_text, date_external, places) VALUES
${rows(a.events.map((e) => [e.slug, e.title, e.description, e.kind, ...date(effective.eventDates.has(e.slug) ? effective.eventDates.get(e.slug)! : e.date), e.places]))}
ON CONFLICT (slug) DO UPDATE SET
  title = EXCLUDED.title, description = EXCLUDED.description, kind = EXCLUDED.kind,
  date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end, date_precision = EXCLUDED.date_precision,
  date_text = EXCLUDED.date_text, date_external = EXCLUDED.date_external, places = EXCLUDED.places;`);
    out.push(
      `DELETE FROM event_participants WHERE event_id IN (SELECT id FROM events WHERE slug IN ${slugList(a.events.map((e) => e.slug))});`,
    );
    const participants = a.events.flatMap((e) => e.participants.map((p) => ({ event: e.slug, ...p })));
    if (participants.length > 0) {
      out.push(`INSERT INTO event_participants (event_id, speaker_id, organization_id, role) VALUES
${participants
  .map((p) => `  (${idOf('events', p.event)}, ${idOf('speakers', p.speaker)}, ${idOf('organizations', p.organization)}, ${lit(p.role)})`)
  .join(',\n')};`);
    }
  }

  out.push(...refinementUpdates(effective.updates));

  out.push(`-- Paragraphs: offsets are UTF-16 code units into the body.
INSERT INTO article_paragraphs (article_id, position, start_offset, end_offset)
SELECT a.id, v.position, v.start_offset, v.end_offset
FROM articles a, (VALUES
${rows(a.paragraphs.map((p, i) => [i, p.start, p.end]))}
) AS v(position, start_offset, end_offset)
WHERE a.slug = ${lit(a.slug)};`);

  if (a.speakerLinks.length > 0) {
    out.push(`-- Whom and what the article names.\n${mentionLinks(a.slug, 'article_speakers', 'speaker_id', 'speakers', a.speakerLinks)}`);
  }
  if (a.organizationLinks.length > 0) {
    out.push(mentionLinks(a.slug, 'article_organizations', 'organization_id', 'organizations', a.organizationLinks));
  }
  if (a.eventLinks.length > 0) {
    out.push(`INSERT INTO article_events (article_id, event_id, sentence, start_offset, end_offset)
SELECT a.id, (SELECT e.id FROM events e WHERE e.slug = v.slug), v.sentence, v.start_offset, v.end_offset
FROM articles a, (VALUES
${rows(a.eventLinks.map((l) => [l.slug, l.sentence, l.start, l.end]))}
) AS v(slug, sentence, start_offset, end_offset)
WHERE a.slug = ${lit(a.slug)};`);
  }

  if (a.quotes.length > 0) {
    out.push(`-- Quotes, in article order; published_on is the article's.
INSERT INTO quotes (article_id, speaker_id, kind, text, speaker_description, verb, channel,
  said_start, said_end, said_precision, said_text, published_on, paragraph, start_offset, end_offset)
SELECT a.id, (SELECT s.id FROM speakers s WHERE s.slug = v.speaker), v.kind::quote_kind, v.text,
  v.speaker_description, v.verb, v.channel, v.said_start::date, v.said_end::date,
  v.said_precision::date_precision, v.said_text, a.published_on, v.paragraph, v.start_offset, v.end_offset
FROM articles a, (VALUES
${rows(
  a.quotes.map((q) => [
    q.speaker,
    q.kind,
    q.text,
    q.speakerDescription,
    q.verb,
    q.channel,
    q.said?.start ?? null,
    q.said?.end ?? null,
    q.said?.precision ?? null,
    q.said?.text ?? null,
    q.paragraph,
    q.start,
    q.end,
  ]),
)}
) AS v(speaker, kind, text, speaker_description, verb, channel, said_start, said_end, said_precision, said_text,
  paragraph, start_offset, end_offset)
WHERE a.slug = ${lit(a.slug)};`);
  }

  out.push(...removeOrphans());
  return out;
}

/**
 * Entities of other seeds refined by this one (now or before): their whole value, as the
 * definition and every refining migration give it.
 */
function refinementUpdates(updates: EntityUpdate[]): string[] {
  return updates.map((u, i) => {
    const head = i === 0 ? '-- Refinements: entities of other seeds, as their definition and the seeds that refine them give them.\n' : '';
    const by = u.by.length > 0 ? `refined by ${u.by.join(', ')}` : 'no refinement left';
    if (u.kind === 'event') {
      const d = u.date;
      return `${head}-- event ${u.slug}: ${by}.
UPDATE events SET date_start = ${lit(d?.start ?? null)}, date_end = ${lit(d?.end ?? null)}, date_precision = ${lit(d?.precision ?? null)},
  date_text = ${lit(d?.text ?? null)}, date_external = ${lit(d?.external ?? false)}
WHERE slug = ${lit(u.slug)};`;
    }
    const table = u.kind === 'speaker' ? 'speakers' : 'organizations';
    return `${head}-- ${u.kind} ${u.slug}: ${by}.
UPDATE ${table} SET aliases = ${lit(u.aliases)} WHERE slug = ${lit(u.slug)};`;
  });
}

/** The statements that remove the article, its rows, and what only it used. */
export function retractionStatements(slug: string, effective: Effective = NO_REFINEMENTS): string[] {
  return [
    ...rememberLinks(slug),
    ...refinementUpdates(effective.updates),
    `-- Paragraphs, quotes and links go with the article (ON DELETE CASCADE).
DELETE FROM articles WHERE slug = ${lit(slug)};`,
    ...removeOrphans(),
  ];
}

export function migrationText(h: MigrationHeader, statements: string[]): string {
  for (const s of statements) {
    // drizzle splits files on this marker, wherever it stands: seed text must not contain it.
    if (s.includes(BREAKPOINT)) throw new Error(`the seed's text contains "${BREAKPOINT}", which would split the migration`);
  }
  return `${header(h)}\n${statements.join(`\n${BREAKPOINT}\n`)}\n`;
}

/** Links of the article to entities by slug, with how it names each. */
function mentionLinks(
  article: string,
  table: string,
  column: string,
  entities: string,
  links: { slug: string; mention: string | null }[],
): string {
  return `INSERT INTO ${table} (article_id, ${column}, mention)
SELECT a.id, (SELECT x.id FROM ${entities} x WHERE x.slug = v.slug), v.mention
FROM articles a, (VALUES
${rows(links.map((l) => [l.slug, l.mention]))}
) AS v(slug, mention)
WHERE a.slug = ${lit(article)};`;
}

function referenceCheck(article: string, used: [string, string][]): string {
  return `-- Entities this article uses that other seeds define: their migrations must come first.
DO $verbatim$
DECLARE missing text;
BEGIN
  SELECT string_agg(format('%s %s', v.tbl, v.slug), ', ') INTO missing
  FROM (VALUES
${rows(used)}
  ) AS v(tbl, slug)
  WHERE NOT CASE v.tbl
    WHEN 'speakers' THEN EXISTS (SELECT 1 FROM speakers s WHERE s.slug = v.slug)
    WHEN 'organizations' THEN EXISTS (SELECT 1 FROM organizations o WHERE o.slug = v.slug)
    ELSE EXISTS (SELECT 1 FROM events e WHERE e.slug = v.slug)
  END;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'article ${article} refers to entities that are not in the database: % (apply the migrations of the seeds that define them first)', missing;
  END IF;
END
$verbatim$;`;
}

function rememberLinks(slug: string): string[] {
  return [
    // Qualified with pg_temp so that it can never touch a real table of that name.
    `-- What the article links now, and what those entities lead to (roles, participants, parents):
-- after the change, those that nothing uses any more are removed.
DROP TABLE IF EXISTS pg_temp.verbatim_previous_links;`,
    `CREATE TEMPORARY TABLE verbatim_previous_links ON COMMIT DROP AS
WITH RECURSIVE
  art AS (SELECT id FROM articles WHERE slug = ${lit(slug)}),
  ev AS (SELECT event_id AS id FROM article_events WHERE article_id IN (SELECT id FROM art)),
  sp AS (
    SELECT speaker_id AS id FROM article_speakers WHERE article_id IN (SELECT id FROM art)
    UNION SELECT speaker_id FROM quotes WHERE article_id IN (SELECT id FROM art)
    UNION SELECT speaker_id FROM event_participants WHERE event_id IN (SELECT id FROM ev) AND speaker_id IS NOT NULL
  ),
  org(id) AS (
    SELECT organization_id FROM article_organizations WHERE article_id IN (SELECT id FROM art)
    UNION SELECT organization_id FROM event_participants WHERE event_id IN (SELECT id FROM ev) AND organization_id IS NOT NULL
    UNION SELECT organization_id FROM speakers WHERE id IN (SELECT id FROM sp) AND organization_id IS NOT NULL
    UNION SELECT organization_id FROM speaker_roles WHERE speaker_id IN (SELECT id FROM sp)
    UNION SELECT o.parent_id FROM organizations o JOIN org ON o.id = org.id WHERE o.parent_id IS NOT NULL
  )
SELECT 'event'::text AS kind, id FROM ev
UNION SELECT 'speaker', id FROM sp
UNION SELECT 'organization', id FROM org;`,
  ];
}

function removeOrphans(): string[] {
  const previous = (kind: string) => `(SELECT id FROM pg_temp.verbatim_previous_links WHERE kind = '${kind}')`;
  return [
    `-- Entities remembered above that nothing uses any more.
DELETE FROM events e
WHERE e.id IN ${previous('event')}
  AND NOT EXISTS (SELECT 1 FROM article_events ae WHERE ae.event_id = e.id);`,
    `DELETE FROM speakers s
WHERE s.id IN ${previous('speaker')}
  AND NOT EXISTS (SELECT 1 FROM article_speakers x WHERE x.speaker_id = s.id)
  AND NOT EXISTS (SELECT 1 FROM quotes x WHERE x.speaker_id = s.id)
  AND NOT EXISTS (SELECT 1 FROM event_participants x WHERE x.speaker_id = s.id);`,
    // An organization is kept when anything kept points at it, directly or as a parent.
    `DELETE FROM organizations o
WHERE o.id IN ${previous('organization')}
  AND o.id NOT IN (
    WITH RECURSIVE kept(id) AS (
      SELECT id FROM organizations WHERE id NOT IN ${previous('organization')}
      UNION SELECT organization_id FROM article_organizations
      UNION SELECT organization_id FROM event_participants WHERE organization_id IS NOT NULL
      UNION SELECT organization_id FROM speakers WHERE organization_id IS NOT NULL
      UNION SELECT organization_id FROM speaker_roles
      UNION SELECT p.parent_id FROM organizations p JOIN kept k ON p.id = k.id WHERE p.parent_id IS NOT NULL
    )
    SELECT id FROM kept
  );`,
    `DROP TABLE pg_temp.verbatim_previous_links;`,
  ];
}
