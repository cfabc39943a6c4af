/**
 * A deterministic synthetic corpus for benchmarks: the same seed and size give the same rows,
 * byte for byte. Shaped like news: a few heavy speakers (about 1.3% of all quotes each, so
 * ~13,000 at a million quotes) and a long tail, articles whose bodies really contain their
 * quotes at the stored UTF-16 offsets, events with every date precision (and some unknown).
 *
 * The generator knows nothing of the database: rows are plain objects keyed by column name,
 * ids start after the `base` ids the caller found in the database (the seed article's rows).
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface CorpusSize {
  quotes: number;
  articles: number;
  speakers: number;
  organizations: number;
  events: number;
}

/** Proportions of the full size: 100k articles, 50k speakers, 20k organizations, 200k events per million quotes. */
export function sizeFor(quotes: number): CorpusSize {
  return {
    quotes,
    articles: Math.max(1, Math.round(quotes / 10)),
    speakers: Math.max(12, Math.round(quotes / 20)),
    organizations: Math.max(3, Math.round(quotes / 50)),
    events: Math.max(1, Math.round(quotes / 5)),
  };
}

/** The highest id already used in each table; generated ids start just after. */
export interface IdBase {
  articles: number;
  speakers: number;
  organizations: number;
  events: number;
  quotes: number;
  speaker_roles: number;
  event_participants: number;
}

export const ZERO_BASE: IdBase = {
  articles: 0,
  speakers: 0,
  organizations: 0,
  events: 0,
  quotes: 0,
  speaker_roles: 0,
  event_participants: 0,
};

export type Row = Record<string, string | number | boolean | null | string[]>;

export interface ArticleBundle {
  article: Row;
  paragraphs: Row[];
  quotes: Row[];
  speakers: Row[];
  organizations: Row[];
}

export interface EventBundle {
  event: Row;
  participants: Row[];
  articles: Row[];
}

/** How many of the first speakers are heavy, and the share of all quotes each of them has. */
export const HEAVY_SPEAKERS = 10;
export const HEAVY_SHARE = 0.013;

const FIRST = [
  'José',
  'María',
  'Andrés',
  'Zoë',
  'François',
  'Jürgen',
  'Claudia',
  'Marco',
  'Ana',
  'Luis',
  'Sofía',
  'Chloé',
  'Łukasz',
  'Noël',
  'Inés',
  'Ramón',
  'Olga',
  'Tomás',
  'Amélie',
  'Björn',
  'John',
  'Karen',
  'David',
  'Fatima',
  'Omar',
  'Elena',
  'Hiroshi',
  'Mei',
  'Priya',
  'Kwame',
  'Gabriela',
  'Joaquín',
  'Lucía',
  'Rafael',
  'Verónica',
  'Adriana',
  'Sergio',
  'Beatriz',
  'Héctor',
  'Paola',
  'Ignacio',
  'Rocío',
  'Emilio',
  'Marisol',
  'Ángel',
  'Yuki',
  'Aisha',
  'Kofi',
  'Ingrid',
  'Pierre',
  'Hélène',
  'Dmitri',
  'Natalia',
  'Samuel',
  'Leila',
  'Ahmed',
  'Ravi',
  'Ananya',
  'Thomas',
  'Grace',
];
const LAST = [
  'Hernández',
  'Ochoa',
  'García',
  'Sánchez',
  'Müller',
  'Dupré',
  'Núñez',
  'Peña',
  'Gómez',
  'Íñiguez',
  'Smith',
  'Johnson',
  'Rossi',
  'Kowalski',
  'Nakamura',
  'Okafor',
  'Haddad',
  'Petrov',
  'Brontë',
  'Løvaas',
  'Martínez',
  'López',
  'Ibáñez',
  'Cruz',
  'Byrne',
  'Walsh',
  'Chen',
  'Singh',
  'Mensah',
  'Ferreira',
  'Ramírez',
  'Torres',
  'Flores',
  'Rivera',
  'Morales',
  'Ortiz',
  'Gutiérrez',
  'Chávez',
  'Ruiz',
  'Álvarez',
  'Mendoza',
  'Castillo',
  'Jiménez',
  'Vázquez',
  'Romero',
  'Herrera',
  'Medina',
  'Aguilar',
  'Vargas',
  'Castro',
  'Fischer',
  'Lefèvre',
  'Novák',
  'Yılmaz',
  'Kim',
  'Tanaka',
  'Adeyemi',
  'Osei',
  'Bianchi',
  'Sørensen',
];
const ORG_HEADS = [
  'Ministry of',
  'National Agency for',
  'Office of',
  'Council on',
  'Institute for',
  'Committee on',
  'Bureau of',
  'Federation of',
];
const ORG_TOPICS = [
  'Defense',
  'Security',
  'Energía',
  'Public Health',
  'Trade',
  'Justice',
  'Migration',
  'Finance',
  'Telecomunicaciones',
  'Agriculture',
  'Foreign Affairs',
  'Water',
  'Transport',
  'Education',
  'Économie',
];
const ORG_KINDS = [
  'GOVERNMENT',
  'GOVERNMENT_BODY',
  'MILITARY',
  'LAW_ENFORCEMENT',
  'INTELLIGENCE_AGENCY',
  'CRIMINAL_ORGANIZATION',
  'MEDIA',
  'POLITICAL_PARTY',
  'INTERNATIONAL_BODY',
  'RESEARCH_INSTITUTE',
  'COMPANY',
  'NGO',
  'OTHER',
];
const COUNTRIES = ['MX', 'US', 'VE', 'CO', 'ES', 'FR', 'DE', 'BR', 'AR', 'CA', null];
const EVENT_KINDS = [
  'ORDER',
  'DEPLOYMENT',
  'MILITARY_ACTION',
  'DESIGNATION',
  'EXTRADITION',
  'SANCTION',
  'ARREST',
  'SEIZURE',
  'PUBLICATION',
  'STATEMENT',
  'AGREEMENT',
  'OPERATION',
  'CONDEMNATION',
  'APPOINTMENT',
  'OTHER',
];
const ROLES = ['ACTOR', 'TARGET', 'SUBJECT', 'PARTNER', 'OBSERVER', 'OTHER'];
const VERBS = ['said', 'warned', 'told reporters', 'insisted', 'added', 'claimed', 'argued', 'announced'];
const CHANNELS = ['a post on X', 'a statement', 'a press conference', 'an interview', null, null];
const PLACES = ['Mexico City', 'Caracas', 'Bogotá', 'Washington', 'Culiacán', 'San José', 'Brasília', 'Montréal'];
const OUTLETS = ['The Daily Record', 'El Diario', 'Le Quotidien', 'Global Wire', 'Morning Post'];
const WORDS = (
  'the government will not accept any foreign intervention in our territory we have been clear about this from the start ' +
  'security cooperation must respect sovereignty and the law our priority is peace and the safety of families ' +
  'there is no evidence that such an operation took place officials confirmed the agreement after weeks of talks ' +
  'the cartel controls routes across the border trade tariffs energy prices migration policy elections next year ' +
  'según the report café señor año niño über déjà vu naïve façade coöperation'
).split(' ');
/** Fillers, some with characters outside the BMP (two UTF-16 code units) before quotes. */
const FILLERS = [
  'The remarks came amid rising tensions.',
  'Officials did not respond to a request for comment.',
  'Protesters gathered outside 🇲🇽 the embassy.',
  'The figures could not be independently verified 📊.',
  'Analysts said the move was largely symbolic.',
];

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Articles and events fall in 2015-01-01 .. 2025-12-31. */
const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;
const DAYS = Date.UTC(2026, 0, 1) / 86_400_000 - FIRST_DAY;

/** A seeded stream of numbers, one per part of the corpus so parts do not depend on each other. */
class Random {
  readonly #rng;
  constructor(seed: number, stream: number) {
    this.#rng = xoroshiro128plus((seed * 7919 + stream * 104_729) | 0);
  }
  /** Uniform in [0, 1). */
  float(): number {
    return (this.#rng.next() >>> 0) / 4_294_967_296;
  }
  /** Uniform integer in [from, to]. */
  int(from: number, to: number): number {
    return from + Math.floor(this.float() * (to - from + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }
  words(from: number, to: number): string {
    const n = this.int(from, to);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(WORDS));
    return out.join(' ');
  }
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const isoDay = (day: number): string => new Date((FIRST_DAY + day) * 86_400_000).toISOString().slice(0, 10);

export class SyntheticCorpus {
  readonly speakerNames: string[] = [];
  readonly speakerSlugs: string[] = [];
  /** Quotes per speaker (index = speaker number, 0-based). */
  readonly quoteCounts: Int32Array;

  constructor(
    readonly size: CorpusSize,
    readonly seed = 1,
    readonly base: IdBase = ZERO_BASE,
  ) {
    const r = new Random(seed, 1);
    for (let i = 0; i < size.speakers; i++) {
      // Half carry two surnames, as Spanish names do: 60 × 60 × 61 possible names, so most of
      // the 50,000 speakers have a name of their own and a fuzzy search matches a realistic few.
      const surnames = r.float() < 0.5 ? `${r.pick(LAST)} ${r.pick(LAST)}` : r.pick(LAST);
      const name = `${r.pick(FIRST)} ${surnames}`;
      this.speakerNames.push(name);
      this.speakerSlugs.push(`${slugify(name)}-${i + 1}`);
    }
    this.quoteCounts = quoteCounts(size);
  }

  /** The speaker with the most quotes and one with few (but some), for the bench. */
  heavySpeaker(): string {
    return this.speakerSlugs[0] as string;
  }

  lightSpeaker(): string {
    let i = this.size.speakers - 1;
    while (i > 0 && (this.quoteCounts[i] as number) < 3) i--;
    return this.speakerSlugs[i] as string;
  }

  *organizations(): Generator<Row> {
    const r = new Random(this.seed, 2);
    for (let i = 0; i < this.size.organizations; i++) {
      const name = `${r.pick(ORG_HEADS)} ${r.pick(ORG_TOPICS)} ${i + 1}`;
      const acronym = name
        .split(' ')
        .filter((w) => /^\p{Lu}/u.test(w))
        .map((w) => w[0])
        .join('');
      yield {
        id: this.base.organizations + i + 1,
        slug: slugify(name),
        name,
        kind: r.pick(ORG_KINDS),
        aliases: r.float() < 0.5 ? [`${acronym}-${i + 1}`] : [],
        country: r.pick(COUNTRIES),
        // Parents come earlier, so a chain never loops.
        parent_id: i > 10 && r.float() < 0.2 ? this.base.organizations + r.int(1, i) : null,
        description: `A synthetic organization (${r.words(3, 6)}).`,
      };
    }
  }

  *speakers(): Generator<Row> {
    const r = new Random(this.seed, 3);
    for (let i = 0; i < this.size.speakers; i++) {
      const name = this.speakerNames[i] as string;
      const roll = r.float();
      const kind = roll < 0.9 ? 'PERSON' : roll < 0.96 ? 'ORGANIZATION' : 'UNNAMED_GROUP';
      const last = name.split(' ')[1] as string;
      const aliases = r.float() < 0.4 ? [last, name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')] : [];
      yield {
        id: this.base.speakers + i + 1,
        slug: this.speakerSlugs[i] as string,
        name,
        kind,
        aliases,
        description: `${r.pick(['Minister', 'Spokesperson', 'Analyst', 'Senator', 'General', 'Governor'])} (${r.words(2, 4)})`,
        organization_id: kind === 'ORGANIZATION' ? this.base.organizations + r.int(1, this.size.organizations) : null,
      };
    }
  }

  *speakerRoles(): Generator<Row> {
    const r = new Random(this.seed, 4);
    let id = this.base.speaker_roles;
    for (let i = 0; i < this.size.speakers; i++) {
      if (r.float() >= 0.3) continue;
      const start = r.int(0, DAYS - 400);
      yield {
        id: ++id,
        speaker_id: this.base.speakers + i + 1,
        organization_id: this.base.organizations + r.int(1, this.size.organizations),
        title: r.pick(['Minister', 'Director', 'Spokesperson', 'Chair', 'Commander']),
        start_on: isoDay(start),
        end_on: r.float() < 0.5 ? isoDay(start + r.int(30, 400)) : null,
        dates_external: r.float() < 0.3,
      };
    }
  }

  /** Articles with their paragraphs, quotes and mentions; every quote's offsets point into the body. */
  *articles(): Generator<ArticleBundle> {
    const r = new Random(this.seed, 5);
    const tickets = speakerTickets(this.quoteCounts, new Random(this.seed, 6));
    const { articles } = this.size;
    let quoteId = this.base.quotes;
    let next = 0;
    for (let a = 0; a < articles; a++) {
      // Spread the quotes evenly over the articles, give or take.
      const target = Math.round(((a + 1) * tickets.length) / articles);
      const count = Math.max(0, target - next);
      const articleId = this.base.articles + a + 1;
      const day = r.int(0, DAYS - 1);
      const publishedOn = isoDay(day);
      const title = `${r.pick(ORG_TOPICS)}: ${r.words(4, 9)} ${a + 1}`;
      const paragraphs: string[] = [];
      const paragraphRows: Row[] = [];
      const quoteRows: Row[] = [];
      const mentioned = new Map<number, string>();
      let offset = 0;
      let current = '';
      const startParagraph = () => {
        current = r.pick(FILLERS);
      };
      const endParagraph = () => {
        paragraphRows.push({
          article_id: articleId,
          position: paragraphs.length,
          start_offset: offset,
          end_offset: offset + current.length,
        });
        paragraphs.push(current);
        offset += current.length + 2;
      };
      startParagraph();
      for (let q = 0; q < count; q++) {
        const speaker = tickets[next++] as number;
        const name = this.speakerNames[speaker] as string;
        mentioned.set(speaker, name);
        const words = r.words(6, 16);
        const verb = r.pick(VERBS);
        const roll = r.float();
        const kind = roll < 0.5 ? 'DIRECT' : roll < 0.75 ? 'PARTIAL' : 'INDIRECT';
        const sentence =
          kind === 'DIRECT'
            ? `“${words},” ${name} ${verb}.`
            : kind === 'PARTIAL'
              ? `${name} ${verb} it was “${words}” and nothing else.`
              : `${name} ${verb} that ${words}.`;
        const sentenceStart = offset + current.length + 1;
        current += ` ${sentence}`;
        const at = kind === 'INDIRECT' ? 0 : sentence.indexOf(words);
        const start = sentenceStart + at;
        const said = r.float() < 0.3;
        quoteRows.push({
          id: ++quoteId,
          article_id: articleId,
          speaker_id: this.base.speakers + speaker + 1,
          kind,
          text: kind === 'INDIRECT' ? `${name} ${verb} that ${words}` : words,
          speaker_description:
            r.float() < 0.5 ? r.pick(['Mexican President', 'a senior official', 'the spokesperson', 'the analyst']) : null,
          verb,
          channel: r.pick(CHANNELS),
          said_start: said ? isoDay(Math.max(0, day - 1)) : null,
          said_end: said ? isoDay(Math.max(0, day - 1)) : null,
          said_precision: said ? 'DAY' : null,
          said_text: said ? 'yesterday' : null,
          published_on: publishedOn,
          paragraph: paragraphs.length,
          start_offset: start,
          end_offset: kind === 'INDIRECT' ? sentenceStart + sentence.length : start + words.length,
        });
        // Two or three quotes to a paragraph.
        if (q % 3 === 2 || (q % 3 === 1 && r.float() < 0.5)) {
          endParagraph();
          startParagraph();
        }
      }
      endParagraph();
      const organizations = new Set<number>();
      for (let k = r.int(1, 3); k > 0; k--) organizations.add(this.base.organizations + r.int(1, this.size.organizations));
      yield {
        article: {
          id: articleId,
          slug: `${slugify(title)}`,
          title,
          authors: [`${r.pick(FIRST)} ${r.pick(LAST)}`],
          outlet: r.pick(OUTLETS),
          published_on: publishedOn,
          url: `https://news.example/${a + 1}`,
          language: 'en',
          body: paragraphs.join('\n\n'),
        },
        paragraphs: paragraphRows,
        quotes: quoteRows,
        speakers: [...mentioned].map(([speaker, name]) => ({
          article_id: articleId,
          speaker_id: this.base.speakers + speaker + 1,
          mention: name,
        })),
        organizations: [...organizations].map((id) => ({ article_id: articleId, organization_id: id, mention: null })),
      };
    }
  }

  /** Events with every date precision (and some unknown dates), participants and reporting articles. */
  *events(): Generator<EventBundle> {
    const r = new Random(this.seed, 7);
    let participantId = this.base.event_participants;
    for (let e = 0; e < this.size.events; e++) {
      const id = this.base.events + e + 1;
      const date = eventDate(r);
      const title = `${r.pick(EVENT_KINDS).toLowerCase().replace(/_/g, ' ')} in ${r.pick(PLACES)} ${e + 1}`;
      const participants: Row[] = [];
      const seen = new Set<string>();
      for (let k = r.int(1, 4); k > 0; k--) {
        const speaker = r.float() < 0.6;
        const party = speaker
          ? this.base.speakers + r.int(1, this.size.speakers)
          : this.base.organizations + r.int(1, this.size.organizations);
        const role = r.pick(ROLES);
        const key = `${speaker}:${party}:${role}`;
        if (seen.has(key)) continue;
        seen.add(key);
        participants.push({
          id: ++participantId,
          event_id: id,
          speaker_id: speaker ? party : null,
          organization_id: speaker ? null : party,
          role,
        });
      }
      const reporting = new Set<number>();
      for (let k = r.int(1, 2); k > 0; k--) reporting.add(this.base.articles + r.int(1, this.size.articles));
      yield {
        event: {
          id,
          slug: slugify(title),
          title,
          description: r.words(8, 20),
          kind: r.pick(EVENT_KINDS),
          ...date,
          date_external: r.float() < 0.05,
          places: [r.pick(PLACES)],
        },
        participants,
        articles: [...reporting].map((articleId) => ({
          article_id: articleId,
          event_id: id,
          sentence: null,
          start_offset: null,
          end_offset: null,
        })),
      };
    }
  }
}

/** A partial date: DAY 50%, MONTH 20%, YEAR 12%, DECADE 5%, APPROXIMATE 8%, unknown 5%. */
function eventDate(r: Random): Row {
  const roll = r.float();
  const day = r.int(0, DAYS - 1);
  const d = new Date((FIRST_DAY + day) * 86_400_000);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const monthStart = Date.UTC(year, month, 1) / 86_400_000 - FIRST_DAY;
  const monthEnd = Date.UTC(year, month + 1, 0) / 86_400_000 - FIRST_DAY;
  const range = (precision: string, start: number | string, end: number | string, text: string): Row => ({
    date_start: typeof start === 'number' ? isoDay(start) : start,
    date_end: typeof end === 'number' ? isoDay(end) : end,
    date_precision: precision,
    date_text: text,
  });
  if (roll < 0.5) return range('DAY', day, day, `on ${MONTH_NAMES[month]} ${d.getUTCDate()}, ${year}`);
  if (roll < 0.7) return range('MONTH', monthStart, monthEnd, `in ${MONTH_NAMES[month]} ${year}`);
  if (roll < 0.82) return range('YEAR', `${year}-01-01`, `${year}-12-31`, `in ${year}`);
  if (roll < 0.87) {
    const decade = year - (year % 10);
    return range('DECADE', `${decade}-01-01`, `${decade + 9}-12-31`, `in the ${decade}s`);
  }
  if (roll < 0.95) return range('APPROXIMATE', Math.max(0, day - 14), Math.min(DAYS - 1, day + 14), `around ${MONTH_NAMES[month]} ${year}`);
  return { date_start: null, date_end: null, date_precision: null, date_text: null };
}

/**
 * Quotes per speaker: the first HEAVY_SPEAKERS get HEAVY_SHARE of all quotes each, the rest a
 * Zipf-like tail (weight 1/rank), so most speakers have a handful and some none.
 */
export function quoteCounts(size: CorpusSize): Int32Array {
  const counts = new Int32Array(size.speakers);
  const heavy = Math.min(HEAVY_SPEAKERS, Math.floor(size.speakers / 4));
  const each = Math.floor(size.quotes * HEAVY_SHARE);
  for (let i = 0; i < heavy; i++) counts[i] = each;
  let rest = size.quotes - heavy * each;
  const tail = size.speakers - heavy;
  let weights = 0;
  for (let i = 0; i < tail; i++) weights += 1 / (i + 1);
  for (let i = 0; i < tail; i++) {
    const n = Math.floor((size.quotes - heavy * each) * (1 / (i + 1) / weights));
    counts[heavy + i] = n;
    rest -= n;
  }
  // Rounding leftovers: one more each for the next speakers of the tail, from the top.
  for (let i = 0; rest > 0; i = (i + 1) % Math.max(1, tail), rest--) counts[heavy + i] = (counts[heavy + i] as number) + 1;
  return counts;
}

/** One entry per quote naming its speaker, shuffled (Fisher-Yates) so articles mix speakers. */
function speakerTickets(counts: Int32Array, r: Random): Int32Array {
  let total = 0;
  for (const c of counts) total += c;
  const tickets = new Int32Array(total);
  let k = 0;
  counts.forEach((c, speaker) => tickets.fill(speaker, k, (k += c)));
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(r.float() * (i + 1));
    const t = tickets[i] as number;
    tickets[i] = tickets[j] as number;
    tickets[j] = t;
  }
  return tickets;
}
