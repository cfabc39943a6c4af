/**
 * Validating one seed against the body and the rest of the corpus, and resolving it into what the
 * database stores (offsets, paragraphs, date ranges). Every problem is collected, none stops the
 * others: each list item is checked on its own, and a malformed entity still counts as defined so
 * that it does not cause a cascade of "unknown reference" errors.
 */
import path from 'node:path';
import { z } from 'zod';
import { nameKey, refinementsOf, where, type Corpus, type Definition, type EntityKind } from './corpus.js';
import { checkIsoDay, parsePartialDate, type DateRange } from './dates.js';
import {
  article as articleSchema,
  entityReference,
  eventDefinition,
  eventReference,
  organizationDefinition,
  quote as quoteSchema,
  SCHEMA_COMMENT,
  speakerDefinition,
  type EventDefinition,
  type OrganizationDefinition,
  type PartialDateInput,
  type QuoteInput,
  type SpeakerDefinition,
} from './format.js';
import type { LoadedSeed } from './load.js';
import { locate, occurrences, paragraphAt, paragraphSpans, type Span } from './offsets.js';
import type { PathSegment, Problem } from './problems.js';
import { enclosingQuotation, quotations, type QuotationPiece } from './quotation.js';
import { addedNameClash, refinementProblems, type RecordedRefinement } from './refine.js';
import { didYouMean } from './suggest.js';

export interface ResolvedDate extends DateRange {
  text: string | null;
  external: boolean;
}

export interface ResolvedSpeaker {
  slug: string;
  name: string;
  kind: SpeakerDefinition['kind'];
  aliases: string[];
  description: string | null;
  wikidataId: string | null;
  organization: string | null;
  roles: { organization: string; title: string; startOn: string | null; endOn: string | null; datesExternal: boolean }[];
}

export interface ResolvedOrganization {
  slug: string;
  name: string;
  kind: OrganizationDefinition['kind'];
  aliases: string[];
  country: string | null;
  parent: string | null;
  description: string | null;
  wikidataId: string | null;
}

export interface ResolvedEvent {
  slug: string;
  title: string;
  description: string | null;
  kind: EventDefinition['kind'];
  date: ResolvedDate | null;
  places: string[];
  participants: { speaker: string | null; organization: string | null; role: string }[];
}

export interface ResolvedQuote {
  speaker: string;
  kind: QuoteInput['kind'];
  text: string;
  speakerDescription: string | null;
  verb: string | null;
  channel: string | null;
  said: ResolvedDate | null;
  paragraph: number;
  start: number;
  end: number;
}

export interface ResolvedArticle {
  /** The seed as recorded in the migration header: `seeds/<file>`. */
  seedFile: string;
  hash: string;
  notes: string[];
  slug: string;
  title: string;
  authors: string[];
  outlet: string | null;
  publishedOn: string;
  url: string | null;
  language: string;
  body: string;
  paragraphs: Span[];
  /** Entities this seed defines (upserted by its migration). */
  speakers: ResolvedSpeaker[];
  organizations: ResolvedOrganization[];
  events: ResolvedEvent[];
  /** What the article links to (defined here or elsewhere), with how it names each. */
  speakerLinks: { slug: string; mention: string | null }[];
  organizationLinks: { slug: string; mention: string | null }[];
  eventLinks: { slug: string; sentence: string; start: number; end: number }[];
  quotes: ResolvedQuote[];
  /** Slugs used here but defined in other seeds: the migration checks they are in the database. */
  external: Record<EntityKind, string[]>;
  /** What this seed adds to entities of other seeds (README "Refinements"). */
  refinements: RecordedRefinement[];
}

export interface ValidationResult {
  problems: Problem[];
  /** Present when there are no problems. */
  article: ResolvedArticle | undefined;
  /** Definitions in other seeds that this seed uses (its migration needs theirs first). */
  uses: Definition[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const topLevel = z.strictObject({
  article: z.unknown(),
  speakers: z.array(z.unknown()).optional(),
  organizations: z.array(z.unknown()).optional(),
  events: z.array(z.unknown()).optional(),
  quotes: z.array(z.unknown()).optional(),
});

const LABEL: Record<EntityKind, string> = { speaker: 'speaker', organization: 'organization', event: 'event' };

class Checker {
  readonly problems: Problem[] = [];
  constructor(readonly seed: LoadedSeed) {}

  add(at: readonly PathSegment[], message: string, line?: number, code?: Problem['code']): void {
    this.problems.push({ file: this.seed.file, line: line ?? this.seed.lineOf(at), path: [...at], message, ...(code ? { code } : {}) });
  }

  parse<T>(schema: z.ZodType<T>, value: unknown, at: readonly PathSegment[]): T | undefined {
    const result = schema.safeParse(value, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const issuePath = [...at, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) this.add([...issuePath, key], `unknown key ${JSON.stringify(key)}`);
        continue;
      }
      if (issue.code === 'invalid_type' && issue.input === undefined) {
        this.add(issuePath, 'is required');
        continue;
      }
      const input = issue.input;
      const got = input !== undefined && (typeof input !== 'object' || input === null) ? ` (got ${JSON.stringify(input)})` : '';
      this.add(issuePath, `${issue.message}${got}`);
    }
    return undefined;
  }
}

export function validateSeed(seed: LoadedSeed, corpus: Corpus): ValidationResult {
  const c = new Checker(seed);
  const none = (): ValidationResult => ({ problems: [...seed.problems, ...c.problems], article: undefined, uses: [] });
  if (seed.problems.length > 0) return none();
  const data = seed.data;
  if (!isRecord(data)) {
    c.add([], 'a seed is a YAML mapping with the keys article, speakers, organizations, events, quotes');
    return none();
  }
  c.parse(topLevel, data, []);
  if (data.article === undefined) c.add(['article'], 'is required');

  const others = corpus.definitions.filter((d) => d.seed.absolutePath !== seed.absolutePath);
  const elsewhere = (kind: Definition['kind'], slug: string) => others.find((d) => d.kind === kind && d.slug === slug);
  // "Did you mean": the closest slugs of that kind, here and in the other seeds.
  const suggest = (kind: EntityKind, slug: string) => {
    const here = list(listKey[kind]).flatMap((e) =>
      isRecord(e) && typeof e.slug === 'string'
        ? [
            {
              slug: e.slug,
              names: [e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])].filter((n): n is string => typeof n === 'string'),
            },
          ]
        : [],
    );
    return didYouMean(slug, [...here, ...others.filter((d) => d.kind === kind)]);
  };

  // --- the article and its body
  const art = c.parse(articleSchema, data.article, ['article']);
  // The body serves every offset check, even when another article field is wrong.
  const rawBody = isRecord(data.article) && typeof data.article.body === 'string' ? data.article.body : undefined;
  const body = (rawBody ?? '').replace(/\n+$/, '');
  if (art) {
    checkFirstLine(c);
    checkFileName(c, art.publishedOn, art.slug);
    const day = checkIsoDay(art.publishedOn);
    if (!day.ok) c.add(['article', 'publishedOn'], day.message);
    checkBody(c, body);
    const twin = elsewhere('article', art.slug);
    if (twin) c.add(['article', 'slug'], `article ${art.slug} is already defined in ${where(twin)}`);
  }

  const list = (key: string): unknown[] => (Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
  const isRef = (entry: unknown) => isRecord(entry) && 'ref' in entry;

  // --- definitions and references, each item on its own
  interface Local<T> {
    value: T | undefined;
    index: number;
    slug: string | undefined;
  }
  const locals: Record<EntityKind, Local<unknown>[]> = { speaker: [], organization: [], event: [] };
  interface Ref {
    slug: string;
    index: number;
    mention: string | null;
    sentence?: string;
    occurrence?: number;
    aliases?: string[];
    date?: PartialDateInput;
  }
  const refs: Record<EntityKind, Ref[]> = {
    speaker: [],
    organization: [],
    event: [],
  };
  const defSchemas = { speaker: speakerDefinition, organization: organizationDefinition, event: eventDefinition } as const;
  const listKey = { speaker: 'speakers', organization: 'organizations', event: 'events' } as const;
  for (const kind of ['speaker', 'organization', 'event'] as const) {
    list(listKey[kind]).forEach((entry, index) => {
      const at = [listKey[kind], index];
      if (isRef(entry)) {
        if (kind === 'event') {
          const ref = c.parse(eventReference, entry, at);
          if (ref)
            refs[kind].push({ slug: ref.ref, index, mention: null, sentence: ref.sentence, occurrence: ref.occurrence, date: ref.date });
          if (ref?.todo) todoLeft(c, at, ref.todo);
        } else {
          const ref = c.parse(entityReference, entry, at);
          if (ref) refs[kind].push({ slug: ref.ref, index, mention: ref.mention ?? null, aliases: ref.aliases });
          if (ref?.todo) todoLeft(c, at, ref.todo);
        }
        return;
      }
      const value = c.parse(defSchemas[kind] as z.ZodType<unknown>, entry, at);
      const left = (value as { todo?: string } | undefined)?.todo;
      if (left) todoLeft(c, at, left);
      const slug = isRecord(entry) && typeof entry.slug === 'string' ? entry.slug : undefined;
      locals[kind].push({ value, index, slug });
    });
  }

  const uses = new Map<string, Definition>();
  const localSlugs = (kind: EntityKind) => new Set(locals[kind].map((l) => l.slug).filter((s): s is string => !!s));
  const refSlugs = (kind: EntityKind) => new Set(refs[kind].map((r) => r.slug));

  for (const kind of ['speaker', 'organization', 'event'] as const) {
    // Unique slugs: within the file, and across seeds.
    const seen = new Map<string, number>();
    for (const l of locals[kind]) {
      if (!l.slug) continue;
      const at = [listKey[kind], l.index, 'slug'];
      const first = seen.get(l.slug);
      if (first !== undefined) {
        c.add(
          at,
          `duplicate ${LABEL[kind]} slug ${l.slug} (already ${listKey[kind]}[${first}], line ${seed.lineOf([listKey[kind], first])})`,
        );
      } else seen.set(l.slug, l.index);
      const twin = elsewhere(kind, l.slug);
      if (twin) c.add(at, `${LABEL[kind]} ${l.slug} is already defined in ${where(twin)}; use "ref: ${l.slug}" here`);
    }
    const refSeen = new Set<string>();
    for (const r of refs[kind]) {
      const at = [listKey[kind], r.index, 'ref'];
      if (refSeen.has(r.slug)) c.add(at, `${LABEL[kind]} ${r.slug} is referenced twice`);
      refSeen.add(r.slug);
      if (seen.has(r.slug)) {
        c.add(
          at,
          `${LABEL[kind]} ${r.slug} is defined in this seed (${listKey[kind]}[${seen.get(r.slug)}]); ref: is for entities of other seeds`,
        );
        continue;
      }
      const def = elsewhere(kind, r.slug);
      if (def) uses.set(`${kind}:${r.slug}`, def);
      else c.add(at, `unknown ${LABEL[kind]} ${r.slug}: no seed defines it${suggest(kind, r.slug)}`, undefined, 'unknown-reference');
    }
  }

  // Same entity under another slug: names and aliases, case- and accent-insensitively.
  for (const kind of ['speaker', 'organization'] as const) {
    const seenNames = new Map<string, { slug: string; index: number }>();
    for (const l of locals[kind]) {
      const v = l.value as SpeakerDefinition | OrganizationDefinition | undefined;
      if (!v) continue;
      const names = [v.name, ...(v.aliases ?? [])];
      names.forEach((name, n) => {
        const at = n === 0 ? [listKey[kind], l.index, 'name'] : [listKey[kind], l.index, 'aliases', n - 1];
        const key = nameKey(name);
        const local = seenNames.get(key);
        if (local && local.slug !== v.slug) {
          c.add(at, `${JSON.stringify(name)} already names ${LABEL[kind]} ${local.slug} in this seed (${listKey[kind]}[${local.index}])`);
        } else if (!local) seenNames.set(key, { slug: v.slug, index: l.index });
        const other = others.find((d) => d.kind === kind && d.slug !== v.slug && d.names.some((x) => nameKey(x) === key));
        if (other) c.add(at, `${JSON.stringify(name)}: this ${LABEL[kind]} already exists as ${other.slug} in ${where(other)}`);
        const added = other ? undefined : addedNameClash(corpus, seed, kind, v.slug, name);
        if (added) {
          const line = added.seed.lineOf([listKey[kind], added.index, 'aliases']);
          c.add(
            at,
            `${JSON.stringify(name)}: this ${LABEL[kind]} already exists as ${added.slug} (an alias added in ${added.seed.file}:${line ?? '?'})`,
          );
        }
      });
    }
  }

  // Resolving a reference: defined here, referenced by ref:, or defined in another seed.
  const resolve = (kind: EntityKind, slug: string, at: PathSegment[]): boolean => {
    if (localSlugs(kind).has(slug) || refSlugs(kind).has(slug)) return true;
    const def = elsewhere(kind, slug);
    if (def) {
      uses.set(`${kind}:${slug}`, def);
      return true;
    }
    c.add(
      at,
      `unknown ${LABEL[kind]} ${slug}: not defined in this seed nor in any other seed${suggest(kind, slug)}`,
      undefined,
      'unknown-reference',
    );
    return false;
  };
  const mentionFound = (mention: string | null | undefined, at: PathSegment[]) => {
    if (rawBody === undefined) return;
    if (mention && occurrences(body, mention).length === 0) c.add(at, `mention ${JSON.stringify(mention)} not found in the article body`);
  };
  const resolveDate = (input: PartialDateInput | undefined, at: PathSegment[]): ResolvedDate | null => {
    if (!input) return null;
    const parsed = parsePartialDate(input.value, input.precision);
    if (!parsed.ok) c.add([...at, 'value'], parsed.message);
    const external = input.external ?? false;
    if (!external && rawBody !== undefined) {
      if (!input.text) c.add([...at, 'text'], "is required (the article's words for the date) unless external: true");
      else if (occurrences(body, input.text).length === 0) {
        c.add(
          [...at, 'text'],
          `${JSON.stringify(input.text)} not found in the article body (external: true if the date is not from this article)`,
        );
      }
    }
    return parsed.ok ? { ...parsed.range, text: input.text ?? null, external } : null;
  };
  const place = (needle: string, occurrence: number | undefined, at: PathSegment[]): Span | undefined => {
    if (rawBody === undefined) return undefined;
    const found = locate(body, needle, occurrence);
    if (!found.ok) c.add(at, found.message);
    return found.ok ? found.span : undefined;
  };

  // --- organizations
  const organizations: ResolvedOrganization[] = [];
  for (const l of locals.organization) {
    const o = l.value as OrganizationDefinition | undefined;
    if (!o) continue;
    const at = ['organizations', l.index];
    if (o.parent !== undefined) {
      if (o.parent === o.slug) c.add([...at, 'parent'], 'an organization cannot be its own parent');
      else resolve('organization', o.parent, [...at, 'parent']);
    }
    mentionFound(o.mention, [...at, 'mention']);
    organizations.push({
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      aliases: o.aliases ?? [],
      country: o.country ?? null,
      parent: o.parent ?? null,
      description: o.description ?? null,
      wikidataId: o.wikidata ?? null,
    });
  }
  checkParentCycles(c, organizations, locals.organization);

  // --- speakers
  const speakers: ResolvedSpeaker[] = [];
  for (const l of locals.speaker) {
    const s = l.value as SpeakerDefinition | undefined;
    if (!s) continue;
    const at = ['speakers', l.index];
    if (s.organization !== undefined) {
      if (s.kind !== 'ORGANIZATION') c.add([...at, 'organization'], `is only for speakers of kind ORGANIZATION (this one is ${s.kind})`);
      resolve('organization', s.organization, [...at, 'organization']);
    }
    mentionFound(s.mention, [...at, 'mention']);
    const roleKeys = new Set<string>();
    const roles = (s.roles ?? []).map((r, i) => {
      const rat = [...at, 'roles', i];
      resolve('organization', r.organization, [...rat, 'organization']);
      for (const end of ['start', 'end'] as const) {
        const v = r[end];
        const ok = v === undefined ? undefined : checkIsoDay(v);
        if (ok && !ok.ok) c.add([...rat, end], ok.message);
      }
      if (r.start && r.end && r.start > r.end) c.add([...rat, 'end'], `ends (${r.end}) before it starts (${r.start})`);
      const key = `${r.organization}\u0000${r.title}`;
      if (roleKeys.has(key)) c.add(rat, `the same role (${r.organization}, ${JSON.stringify(r.title)}) twice`);
      roleKeys.add(key);
      return {
        organization: r.organization,
        title: r.title,
        startOn: r.start ?? null,
        endOn: r.end ?? null,
        datesExternal: r.external ?? false,
      };
    });
    speakers.push({
      slug: s.slug,
      name: s.name,
      kind: s.kind,
      aliases: s.aliases ?? [],
      description: s.description ?? null,
      wikidataId: s.wikidata ?? null,
      organization: s.organization ?? null,
      roles,
    });
  }

  // --- events
  const events: ResolvedEvent[] = [];
  const eventLinks: ResolvedArticle['eventLinks'] = [];
  for (const l of locals.event) {
    const e = l.value as EventDefinition | undefined;
    if (!e) continue;
    const at = ['events', l.index];
    const partKeys = new Set<string>();
    const participants = (e.participants ?? []).map((p, i) => {
      const pat = [...at, 'participants', i];
      if ((p.speaker === undefined) === (p.organization === undefined)) {
        c.add(pat, 'a participant is exactly one of speaker or organization');
      }
      if (p.speaker !== undefined) resolve('speaker', p.speaker, [...pat, 'speaker']);
      if (p.organization !== undefined) resolve('organization', p.organization, [...pat, 'organization']);
      const key = `${p.speaker ?? ''}\u0000${p.organization ?? ''}\u0000${p.role}`;
      if (partKeys.has(key)) c.add(pat, 'the same participant with the same role twice');
      partKeys.add(key);
      return { speaker: p.speaker ?? null, organization: p.organization ?? null, role: p.role };
    });
    const date = resolveDate(e.date, [...at, 'date']);
    const span = place(e.sentence, e.occurrence, [...at, 'sentence']);
    if (span) eventLinks.push({ slug: e.slug, sentence: e.sentence, ...span });
    events.push({
      slug: e.slug,
      title: e.title,
      description: e.description ?? null,
      kind: e.kind,
      date,
      places: e.places ?? [],
      participants,
    });
  }
  const refinements: RecordedRefinement[] = [];
  for (const r of refs.event) {
    const span = r.sentence === undefined ? undefined : place(r.sentence, r.occurrence, ['events', r.index, 'sentence']);
    if (span && r.sentence !== undefined) eventLinks.push({ slug: r.slug, sentence: r.sentence, ...span });
    const date = resolveDate(r.date, ['events', r.index, 'date']);
    if (date) refinements.push({ kind: 'event', slug: r.slug, date });
  }
  for (const kind of ['speaker', 'organization'] as const) {
    for (const r of refs[kind]) {
      mentionFound(r.mention, [listKey[kind], r.index, 'mention']);
      if (r.aliases && r.aliases.length > 0) refinements.push({ kind, slug: r.slug, aliases: r.aliases });
    }
  }
  for (const p of refinementProblems(seed, corpus, refinementsOf(seed))) c.add(p.path, p.message, undefined, 'refinement');

  // --- quotes
  let pieces: QuotationPiece[] | undefined;
  const quoted = (span: Span) => enclosingQuotation((pieces ??= quotations(body)), span);
  const quotes: ResolvedQuote[] = [];
  const quoteKeys = new Map<string, number>();
  list('quotes').forEach((entry, index) => {
    const at = ['quotes', index];
    const q = c.parse(quoteSchema, entry, at);
    if (!q) return;
    if (q.todo) todoLeft(c, at, q.todo);
    // An unsettled quote's speaker is the drafter's placeholder: the todo says it once.
    else resolve('speaker', q.speaker, [...at, 'speaker']);
    if (q.text !== q.text.trim()) c.add([...at, 'text'], 'starts or ends with white space');
    let span: Span | undefined;
    if (q.kind === 'INDIRECT') {
      if (q.passage === undefined) c.add([...at, 'passage'], 'is required for an INDIRECT quote: the words of the body that report it');
      else span = place(q.passage, q.occurrence, [...at, 'passage']);
    } else {
      if (q.passage !== undefined) c.add([...at, 'passage'], `is only for INDIRECT quotes; a ${q.kind} quote is located by its text`);
      span = place(q.text, q.occurrence, [...at, 'text']);
      if (span && !quoted(span)) c.add([...at, 'text'], notQuoted(body, span, q.kind));
    }
    const said = resolveDate(q.said, [...at, 'said']);
    if (!span) return;
    const key = `${span.start}:${span.end}:${q.speaker}:${q.kind}`;
    const twin = quoteKeys.get(key);
    if (twin !== undefined) c.add(at, `the same quote as quotes[${twin}] (same speaker, kind and place in the body)`);
    quoteKeys.set(key, index);
    quotes.push({
      speaker: q.speaker,
      kind: q.kind,
      text: q.text,
      speakerDescription: q.description ?? null,
      verb: q.verb ?? null,
      channel: q.channel ?? null,
      said,
      paragraph: 0,
      ...span,
    });
  });

  const usedList = [...uses.values()];
  if (!art || c.problems.length > 0) return { problems: c.problems, article: undefined, uses: usedList };

  const paragraphs = paragraphSpans(body);
  for (const q of quotes) q.paragraph = paragraphAt(paragraphs, q.start);
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  eventLinks.sort((a, b) => a.start - b.start);

  // The article links every speaker it defines, references or quotes, and every organization it
  // defines or references.
  const speakerLinks = new Map<string, string | null>();
  for (const l of locals.speaker) {
    const s = l.value as SpeakerDefinition;
    speakerLinks.set(s.slug, s.mention ?? null);
  }
  for (const r of refs.speaker) speakerLinks.set(r.slug, r.mention);
  for (const q of quotes) if (!speakerLinks.has(q.speaker)) speakerLinks.set(q.speaker, null);
  const organizationLinks = new Map<string, string | null>();
  for (const l of locals.organization) {
    const o = l.value as OrganizationDefinition;
    organizationLinks.set(o.slug, o.mention ?? null);
  }
  for (const r of refs.organization) organizationLinks.set(r.slug, r.mention);

  const external: Record<EntityKind, string[]> = { speaker: [], organization: [], event: [] };
  for (const d of usedList) if (d.kind !== 'article') external[d.kind].push(d.slug);
  for (const k of Object.keys(external) as EntityKind[]) external[k].sort();

  return {
    problems: [],
    uses: usedList,
    article: {
      seedFile: `seeds/${path.basename(seed.absolutePath)}`,
      hash: seed.hash,
      notes: art.notes ?? [],
      slug: art.slug,
      title: art.title,
      authors: art.authors,
      outlet: art.outlet ?? null,
      publishedOn: art.publishedOn,
      url: art.url ?? null,
      language: art.language ?? 'en',
      body,
      paragraphs,
      speakers,
      organizations,
      events,
      speakerLinks: [...speakerLinks].map(([slug, mention]) => ({ slug, mention })),
      organizationLinks: [...organizationLinks].map(([slug, mention]) => ({ slug, mention })),
      eventLinks,
      quotes,
      external,
      refinements,
    },
  };
}

function todoLeft(c: Checker, at: PathSegment[], todo: string): void {
  c.add([...at, 'todo'], `not settled: ${todo} (settle it, then delete the todo key)`);
}

/** Why a DIRECT or PARTIAL quote's text is not the words inside quotation marks. */
function notQuoted(body: string, span: Span, kind: string): string {
  const MARKS = /["\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019']/u;
  const text = body.slice(span.start, span.end);
  const first = text[0] ?? '';
  const last = text[text.length - 1] ?? '';
  if (MARKS.test(first))
    return `a ${kind} quote is the words inside the quotation marks: the text starts with the mark ${first} (leave it out)`;
  if (MARKS.test(last) && text.length > 1)
    return `a ${kind} quote is the words inside the quotation marks: the text ends with the mark ${last} (leave it out)`;
  if (MARKS.test(text))
    return `a ${kind} quote is the words inside one quotation: this text runs over a quotation mark (split it into one quote per quotation)`;
  return `a ${kind} quote must stand inside quotation marks in the body, and this text does not (an INDIRECT quote, with passage:, reports words without marks)`;
}

function checkFirstLine(c: Checker): void {
  const first = c.seed.firstLine;
  if (first !== SCHEMA_COMMENT) c.add([], `the first line must be "${SCHEMA_COMMENT}" (editors use it to check the file)`, 1);
}

function checkFileName(c: Checker, publishedOn: string, slug: string): void {
  const expected = `${publishedOn}-${slug}`;
  const actual = path.basename(c.seed.absolutePath).replace(/\.ya?ml$/, '');
  if (actual !== expected)
    c.add(['article', 'slug'], `the file must be named ${expected}.yaml (<publishedOn>-<slug>), not ${path.basename(c.seed.absolutePath)}`);
}

/** Paragraphs are separated by exactly one blank line and carry no stray white space. */
function checkBody(c: Checker, body: string): void {
  const at = ['article', 'body'];
  for (const p of paragraphSpans(body)) {
    const text = body.slice(p.start, p.end);
    const line = c.seed.lineInString(at, p.start);
    if (text.trim() === '') {
      c.add(at, 'more than one blank line between paragraphs', line);
    } else if (text.includes('\n')) {
      const inner = p.start + text.indexOf('\n');
      c.add(
        at,
        'a line break inside a paragraph: join the lines, or separate paragraphs by one blank line',
        c.seed.lineInString(at, inner),
      );
    } else if (text !== text.trim()) {
      c.add(at, 'a paragraph starts or ends with white space', line);
    }
  }
}

function checkParentCycles(
  c: Checker,
  organizations: ResolvedOrganization[],
  locals: { value: unknown; index: number; slug: string | undefined }[],
): void {
  const parent = new Map(organizations.map((o) => [o.slug, o.parent]));
  for (const o of organizations) {
    if (o.parent === o.slug) continue; // reported on its own
    const seen = new Set<string>([o.slug]);
    for (let p = o.parent; p && parent.has(p); p = parent.get(p) ?? null) {
      if (seen.has(p)) {
        const index = locals.find((l) => l.slug === o.slug)?.index ?? 0;
        if (p === o.slug) c.add(['organizations', index, 'parent'], `parent chain loops back to ${o.slug}`);
        break;
      }
      seen.add(p);
    }
  }
}
