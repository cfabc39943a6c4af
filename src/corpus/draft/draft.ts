/**
 * The drafter: an exported article → a draft seed, every proposed item with a review note (how
 * sure, and why), and what it could not settle marked `todo` (corpus:add refuses those until
 * settled). Names the corpus knows become `ref:`s; the rest are defined with their mention.
 */
import path from 'node:path';
import { nameKey, type Corpus } from '../corpus.js';
import type { PartialDateInput, Seed } from '../format.js';
import { occurrences } from '../offsets.js';
import { finer } from '../refine.js';
import { slugify } from '../suggest.js';
import { attribute, type Attribution } from './attribution.js';
import { cleanBlocks, type CleanArticle } from './clean.js';
import { findDates, type FoundDate } from './dates.js';
import { analyse, type Doc } from './document.js';
import { proposeEvents, type EventProposal } from './events.js';
import { indirectCandidates, type IndirectCandidate } from './indirect.js';
import { knownEntities, knownEvents, type KnownEntity } from './match.js';
import { findNames, type Entity } from './names.js';
import { quoteCandidates, type QuoteCandidate, type ScareQuote } from './quotes.js';
import { references } from './references.js';
import { readSource } from './source.js';

export interface DraftOptions {
  /** The raw file's name (its extension tells the format). */
  file: string;
  text: string;
  corpus: Corpus;
  publishedOn?: string | undefined;
  url?: string | undefined;
  outlet?: string | undefined;
  slug?: string | undefined;
}

export interface Draft {
  /** `<publishedOn>-<slug>.yaml` */
  fileName: string;
  seed: Seed;
  /** Review notes by item: `speakers.2`, `quotes.5`; `''` for the file's head. */
  notes: Map<string, string>;
  /** One line per thing the drafter could not settle (also `todo:` keys in the seed). */
  unsettled: string[];
  /** What the rules found, for corpus:eval and the tests. */
  found: {
    doc: Doc;
    entities: Entity[];
    quotes: { candidate: QuoteCandidate; attribution: Attribution; speaker: string }[];
    indirect: IndirectCandidate[];
    dates: FoundDate[];
    events: EventProposal[];
    scare: ScareQuote[];
  };
}

export class DraftError extends Error {
  override name = 'DraftError';
}

const STOP = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'in',
  'on',
  'at',
  'for',
  'and',
  'or',
  'with',
  'by',
  'over',
  'after',
  'against',
  'as',
  'from',
  'into',
  'is',
  'are',
]);

export function draftSeed(options: DraftOptions): Draft {
  const source = readSource(options.file, options.text);
  const clean = cleanBlocks(source);
  const publishedOn = options.publishedOn ?? clean.publishedOn;
  if (!publishedOn) throw new DraftError(`${options.file}: no publication date in the export: give --published YYYY-MM-DD`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(publishedOn)) throw new DraftError(`--published ${publishedOn}: must be YYYY-MM-DD`);
  if (!clean.title) throw new DraftError(`${options.file}: no title found (a first-level heading, an <h1>, or a first line)`);
  if (clean.paragraphs.length === 0) throw new DraftError(`${options.file}: no paragraphs found`);

  const doc = analyse(clean.paragraphs);
  const known = knownEntities(options.corpus);
  const entities = findNames(doc, known, clean.italic);
  const refs = references(doc, entities, known);
  const dates = findDates(doc, publishedOn);
  const { quotes, scare } = quoteCandidates(doc);
  const attributions = attribute(doc, refs, quotes, dates);
  const indirect = indirectCandidates(doc, refs, dates);
  const b = new Builder(doc, clean, options, publishedOn, known);
  const events = proposeEvents(doc, refs, dates, knownEvents(options.corpus), (e) => b.participantSlug(e) ?? '');

  const speakers = quotes.map((q, i) => b.quote(q, attributions[i]!));
  for (const c of indirect) b.indirect(c);
  for (const e of events) b.event(e);
  b.entities(entities);
  if (scare.length > 0)
    b.headNote(
      `Not taken as quotes (scare quotes: three words or fewer, no reporting verb): ${scare.map((s) => `“${s.text}”`).join(', ')}.`,
    );
  return {
    ...b.result(),
    found: {
      doc,
      entities,
      quotes: quotes.map((candidate, i) => ({ candidate, attribution: attributions[i]!, speaker: speakers[i]! })),
      indirect,
      dates,
      events,
      scare,
    },
  };
}

type SpeakerEntry = NonNullable<Seed['speakers']>[number];
type OrganizationEntry = NonNullable<Seed['organizations']>[number];
type EventEntry = NonNullable<Seed['events']>[number];
type QuoteEntry = NonNullable<Seed['quotes']>[number];

class Builder {
  private readonly slug: string;
  private readonly speakers = new Map<Entity, { entry: SpeakerEntry; note: string }>();
  private readonly organizations = new Map<Entity, { entry: OrganizationEntry; note: string }>();
  private readonly events: { entry: EventEntry; note: string }[] = [];
  private readonly quotes: { entry: QuoteEntry; note: string; at: number }[] = [];
  private readonly unsettled: string[] = [];
  private readonly head: string[] = [];
  private readonly usedSlugs = new Set<string>();

  constructor(
    private readonly doc: Doc,
    private readonly clean: CleanArticle,
    private readonly options: DraftOptions,
    private readonly publishedOn: string,
    private readonly known: readonly KnownEntity[],
  ) {
    this.slug = options.slug ?? articleSlug(clean.title!);
    for (const d of options.corpus.definitions) this.usedSlugs.add(`${d.kind}:${d.slug}`);
  }

  headNote(note: string): void {
    this.head.push(note);
  }

  /** A new slug for a kind: the name's, with a number when another entity has it. */
  private freshSlug(kind: string, name: string): string {
    const base = slugify(name) || kind;
    let slug = base;
    for (let n = 2; this.usedSlugs.has(`${kind}:${slug}`); n++) slug = `${base}-${n}`;
    this.usedSlugs.add(`${kind}:${slug}`);
    return slug;
  }

  /** The speaker slug for an entity, defining or referencing it on first use. */
  speakerSlug(e: Entity): string {
    const have = this.speakers.get(e);
    if (have) return 'ref' in have.entry ? have.entry.ref : have.entry.slug;
    const mention = this.mention(e);
    const k = e.known?.entity;
    if (k && k.kind === 'speaker') {
      this.speakers.set(e, { entry: { ref: k.slug, mention }, note: this.knownNote(e) });
      return k.slug;
    }
    if (k && k.kind === 'organization') {
      // An organization the corpus knows, speaking: its speaker, or a new one for it.
      const speaker = this.known.find(
        (s) => s.kind === 'speaker' && s.speakerKind === 'ORGANIZATION' && (s.organization === k.slug || s.slug === k.slug),
      );
      if (speaker) {
        this.speakers.set(e, { entry: { ref: speaker.slug, mention }, note: this.knownNote(e) });
        return speaker.slug;
      }
    }
    const kind = e.type === 'person' ? 'PERSON' : e.type === 'group' ? 'UNNAMED_GROUP' : 'ORGANIZATION';
    const slug = this.freshSlug('speaker', k?.kind === 'organization' ? k.slug : e.name);
    const entry: SpeakerEntry = { slug, name: k?.name ?? displayName(e), kind };
    const aliases = this.aliases(e);
    if (aliases.length > 0) entry.aliases = aliases;
    const description = e.mentions.find((m) => m.title)?.title;
    if (description && kind === 'PERSON') entry.description = description;
    if (kind === 'ORGANIZATION') entry.organization = this.organizationSlug(e);
    if (mention) entry.mention = mention;
    this.speakers.set(e, { entry, note: this.newNote(e) });
    return slug;
  }

  organizationSlug(e: Entity): string {
    const have = this.organizations.get(e);
    if (have) return 'ref' in have.entry ? have.entry.ref : have.entry.slug;
    const mention = this.mention(e);
    const k = e.known?.entity;
    const org = k?.kind === 'organization' ? k.slug : k?.organization;
    if (org) {
      this.organizations.set(e, { entry: { ref: org, mention }, note: this.knownNote(e) });
      return org;
    }
    const slug = this.freshSlug('organization', e.name);
    const entry: OrganizationEntry = { slug, name: e.name, kind: (e.organizationKind ?? 'OTHER') as 'OTHER' };
    const aliases = this.aliases(e);
    if (aliases.length > 0) entry.aliases = aliases;
    if (mention) entry.mention = mention;
    this.organizations.set(e, { entry, note: this.newNote(e) });
    return slug;
  }

  /** An event participant: people as speakers, bodies as organizations; groups take no part. */
  participantSlug(e: Entity): string | undefined {
    if (e.type === 'person') return this.speakerSlug(e);
    if (e.type === 'organization') return this.organizationSlug(e);
    return undefined;
  }

  entities(entities: Entity[]): void {
    for (const e of entities) {
      if (e.mentions.length === 0) continue;
      if (e.type === 'person') this.speakerSlug(e);
      else if (e.type === 'organization') this.organizationSlug(e);
    }
  }

  /** Adds the quote; returns its speaker's slug. */
  quote(q: QuoteCandidate, a: Attribution): string {
    const entry: QuoteEntry = { speaker: a.speaker ? this.speakerSlug(a.speaker) : 'unknown', kind: q.kind, text: q.text };
    const occurrence = this.occurrence(q.text, q.start);
    if (occurrence) entry.occurrence = occurrence;
    if (a.description) entry.description = a.description;
    if (a.verb) entry.verb = a.verb;
    if (a.channel) entry.channel = a.channel;
    if (a.said) entry.said = this.date(a.said);
    const where = `paragraph ${this.doc.paragraphOf(q.start) + 1}`;
    if (!a.speaker) {
      entry.todo = `who says this? no attribution found (${where})`;
      this.unsettled.push(`quote “${short(q.text)}” (${where}): no speaker found`);
    }
    const note = `${q.kind}: ${q.kindWhy}. ${a.speaker ? `Speaker ${a.speaker.name}, ${a.sure}: ${a.rule}${a.via && a.via.kind !== 'name' ? ` ("${a.via.text}")` : ''}.` : 'Speaker: not found.'}${a.said ? ` Said ${a.said.text}: ${a.said.why}.` : ''}`;
    this.quotes.push({ entry, note, at: q.start });
    return entry.speaker;
  }

  indirect(c: IndirectCandidate): void {
    const passage = this.doc.body.slice(c.passage.start, c.passage.end);
    const entry: QuoteEntry = { speaker: this.speakerSlug(c.speaker), kind: 'INDIRECT', text: c.text, passage };
    const occurrence = this.occurrence(passage, c.passage.start);
    if (occurrence) entry.occurrence = occurrence;
    entry.verb = c.verb;
    if (c.said) entry.said = this.date(c.said);
    this.quotes.push({
      entry,
      note: `INDIRECT candidate, to review: ${c.rule}, speaker ${c.speaker.name}. The text is the article's clause: rewrite it as the claim.`,
      at: c.passage.start,
    });
  }

  event(p: EventProposal): void {
    const sentence = this.doc.body.slice(p.sentence.start, p.sentence.end);
    const occurrence = this.occurrence(sentence, p.sentence.start);
    if (p.known) {
      if (this.events.some((e) => 'ref' in e.entry && e.entry.ref === p.known!.slug)) return;
      const entry: EventEntry = { ref: p.known.slug, sentence };
      if (occurrence) entry.occurrence = occurrence;
      let note = `Probably the corpus's event ${p.known.slug} (${p.known.where}): ${p.why}.`;
      if (p.date && (!p.known.date || finer(p.date.range, p.known.date))) {
        entry.date = this.date(p.date);
        note += ` A refinement: this article dates it ${p.date.text} (${p.date.why}).`;
      }
      this.events.push({ entry, note });
      return;
    }
    const entry: EventEntry = { slug: this.freshSlug('event', eventSlugWords(p.title)), title: p.title, kind: p.kind as 'OTHER', sentence };
    if (p.date) entry.date = this.date(p.date);
    const participants = p.participants
      .map((x) => ({ x, slug: this.participantSlug(x.entity) }))
      .filter((x): x is { x: EventProposal['participants'][number]; slug: string } => !!x.slug)
      .map(({ x, slug }) => (x.entity.type === 'person' ? { speaker: slug, role: x.role } : { organization: slug, role: x.role }));
    if (participants.length > 0) entry.participants = participants;
    if (occurrence) entry.occurrence = occurrence;
    this.events.push({
      entry,
      note: `Event proposed for review: ${p.why}.${p.date ? ` Date: ${p.date.why}.` : ' No date in the sentence.'}`,
    });
  }

  private date(d: FoundDate): PartialDateInput {
    return {
      text: d.text,
      value: d.value,
      ...(d.precision && !d.value.includes('s') && d.precision !== impliedPrecision(d.value) ? { precision: d.precision } : {}),
    };
  }

  /** `occurrence` when the text stands more than once in the body (whole words). */
  private occurrence(text: string, at: number): number | undefined {
    const all = occurrences(this.doc.body, text);
    if (all.length <= 1) return undefined;
    const i = all.findIndex((s) => s.start === at);
    return i >= 0 ? i + 1 : undefined;
  }

  private mention(e: Entity): string | undefined {
    const m = e.mentions[0];
    if (!m) return undefined;
    const body = this.doc.body;
    if (m.title) {
      const start = m.start - m.title.length - 1;
      if (start >= 0 && body.slice(start, m.end) === `${m.title} ${m.text}`) return body.slice(start, m.end);
    }
    if (m.the && /^[Tt]he $/.test(body.slice(m.start - 4, m.start))) return body.slice(m.start - 4, m.end);
    return m.text;
  }

  /** Other forms the article names it by (a surname alone, a short form), that no other entity has. */
  private aliases(e: Entity): string[] {
    const name = nameKey(displayName(e));
    const taken = new Set(this.known.flatMap((k) => [k.name, ...k.aliases].map(nameKey)));
    const forms = [...new Set(e.mentions.map((m) => m.text))].filter((t) => nameKey(t) !== name && !taken.has(nameKey(t)));
    return forms;
  }

  private knownNote(e: Entity): string {
    const k = e.known!;
    const how = {
      name: 'its name',
      alias: 'an alias',
      initials: 'the same name but for initials',
      typo: `a spelling ${k.distance} edit(s) away`,
    }[k.how];
    return `The corpus knows it (${k.entity.where}), by ${how}: "${e.mentions[0]?.text ?? e.name}"${k.how === 'typo' ? ' — check it is the same' : ''}.`;
  }

  private newNote(e: Entity): string {
    return `New ${e.type}: ${e.evidence}; named ${e.mentions.length} time(s). Check the name, kind and description.`;
  }

  result(): Pick<Draft, 'fileName' | 'seed' | 'notes' | 'unsettled'> {
    const notes = new Map<string, string>();
    const article: Seed['article'] = {
      slug: this.slug,
      title: this.clean.title!,
      authors: this.clean.authors,
      ...((this.options.outlet ?? this.clean.outlet) ? { outlet: (this.options.outlet ?? this.clean.outlet)! } : {}),
      publishedOn: this.publishedOn,
      ...((this.options.url ?? this.clean.url) ? { url: (this.options.url ?? this.clean.url)! } : {}),
      language: 'en',
      notes: [
        ...this.clean.notes,
        'Drafted by npm run corpus:draft: every item below carries a review note; read them against the article.',
      ],
      body: this.clean.paragraphs.join('\n\n'),
    };
    const speakers = [...this.speakers.values()];
    const organizations = [...this.organizations.values()];
    speakers.forEach((s, i) => notes.set(`speakers.${i}`, s.note));
    organizations.forEach((o, i) => notes.set(`organizations.${i}`, o.note));
    this.events.forEach((e, i) => notes.set(`events.${i}`, e.note));
    const quotes = [...this.quotes].sort((a, b) => a.at - b.at);
    quotes.forEach((q, i) => notes.set(`quotes.${i}`, q.note));
    notes.set('', [`Draft of ${path.basename(this.options.file)}, written by npm run corpus:draft.`, ...this.head].join('\n'));
    const seed: Seed = {
      article,
      ...(speakers.length ? { speakers: speakers.map((s) => s.entry) } : {}),
      ...(organizations.length ? { organizations: organizations.map((o) => o.entry) } : {}),
      ...(this.events.length ? { events: this.events.map((e) => e.entry) } : {}),
      ...(quotes.length ? { quotes: quotes.map((q) => q.entry) } : {}),
    };
    return { fileName: `${this.publishedOn}-${this.slug}.yaml`, seed, notes, unsettled: this.unsettled };
  }
}

function displayName(e: Entity): string {
  return e.type === 'group' ? e.name : e.name.replace(/^the\s+/i, '');
}

function impliedPrecision(value: string): string {
  return value.includes('/') ? 'X' : /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'DAY' : /^\d{4}-\d{2}$/.test(value) ? 'MONTH' : 'YEAR';
}

export function articleSlug(title: string): string {
  const words = slugify(title)
    .split('-')
    .filter((w) => !STOP.has(w));
  return words.slice(0, 6).join('-') || 'article';
}

function eventSlugWords(title: string): string {
  return slugify(title)
    .split('-')
    .filter((w) => !STOP.has(w))
    .slice(0, 6)
    .join('-');
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
