/**
 * People, organizations and groups named in the body, each with every mention's offsets.
 *
 * - Names the corpus already knows (speakers' and organizations' names and aliases) are found
 *   where they stand, accent-insensitively: closed-world, the surest source.
 * - People: compromise's person finder, its honorifics and titles split off as the mention's
 *   title ("Mexican President"), the span widened to adjacent capitalized name words (it finds
 *   "Hernández" in "Vito Hernández Ochoa"); and "<title> <Name>" ("Economist Jana Whitfield").
 *   A surname alone is the person named in full before it.
 * - Organizations: capitalized runs that end in a head word ("… Cartel", "… Board") or open with
 *   one ("Ministry of …", "Cartel de …"), institutions news names by one word ("the Pentagon"),
 *   "<Name> administration", and italicized names (publications).
 */
import nlp from 'compromise';
import { nameKey } from '../corpus.js';
import type { Span } from '../offsets.js';
import type { Doc } from './document.js';
import { INSTITUTIONS, ORG_HEADS, ORG_OPENERS, REPORTING_VERBS, TITLE_WORDS } from './lexicon.js';
import { matchKnown, type KnownEntity, type KnownMatch } from './match.js';

export type EntityType = 'person' | 'organization' | 'group';

export interface Mention extends Span {
  /** The name as it stands ("Claudia Sheinbaum", "Sheinbaum"). */
  text: string;
  /** Title words before it ("Mexican President"), when there are any. */
  title?: string;
  /** Preceded by "the" (organizations). */
  the?: boolean;
}

export interface Entity {
  id: number;
  type: EntityType;
  /** The fullest form the article gives. */
  name: string;
  mentions: Mention[];
  gender?: 'female' | 'male';
  organizationKind?: string;
  known?: KnownMatch;
  /** Why the drafter believes this is a name: for the review comment. */
  evidence: string;
}

const CAPITAL = /^[\p{Lu}][\p{L}\p{N}’'.&-]*$/u;
const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'la', 'las', 'los', 'el', 'the', 'and', 'on', 'in', 'y', 'da', 'do', 'dos']);
const NATIONALITIES =
  'US|U\\.S\\.|American|Mexican|Canadian|Colombian|Venezuelan|Brazilian|Argentine|Chilean|Peruvian|Cuban|Guatemalan|Salvadoran|Honduran|British|French|German|Italian|Spanish|Portuguese|Dutch|Belgian|Swiss|Austrian|Polish|Ukrainian|Russian|Turkish|Greek|Israeli|Palestinian|Iranian|Iraqi|Syrian|Saudi|Egyptian|Libyan|Nigerian|Kenyan|South African|Ethiopian|Chinese|Japanese|Korean|North Korean|South Korean|Indian|Pakistani|Afghan|Australian|Irish|Scottish|Swedish|Norwegian|Danish|Finnish';
const NATIONALITY = new RegExp(`^(${NATIONALITIES})$`);
const NAME_PARTICLES = new Set(['de', 'del', 'da', 'van', 'von', 'bin', 'al', 'la', 'le', 'di', 'dos', 'du']);
/** Capitalized words that begin sentences, never names by themselves. */
const FUNCTION_WORDS = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'But',
  'And',
  'Or',
  'If',
  'When',
  'While',
  'Until',
  'Since',
  'After',
  'Before',
  'Now',
  'According',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'His',
  'Her',
  'Their',
  'Its',
  'Our',
  'Not',
  'Despite',
  'Within',
  'Facing',
  'Citing',
  'However',
  'Meanwhile',
  'Recently',
  'Significant',
  'Each',
  'Every',
  'Some',
  'Many',
  'Most',
  'Nobody',
  'Two',
  'Three',
  'Hundreds',
  'Thousands',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
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
  'Yes',
  'No',
  'Also',
  'Still',
  'Even',
  'Then',
  'So',
  'Why',
  'What',
  'Who',
  'How',
]);
/** Capitalized words that describe a name rather than belong to it ("Health Secretary", "Drone attacks"). */
const DESCRIPTORS = new Set([
  'Members',
  'Drone',
  'Violence',
  'Health',
  'Economist',
  'Port',
  'Transport',
  'Staff',
  'Nurses',
  'People',
  'Shipping',
]);
const NOT_NAMES = new Set([...FUNCTION_WORDS, ...DESCRIPTORS, 'Mexican', 'American', 'Venezuelan', 'Colombian']);

export function findNames(doc: Doc, known: readonly KnownEntity[], italic: readonly string[]): Entity[] {
  const found: {
    type: EntityType;
    span: Mention;
    evidence: string;
    gender?: 'female' | 'male';
    organizationKind?: string;
    known?: KnownMatch;
  }[] = [];
  const body = doc.body;
  const plain = unaccentSameLength(body);
  const taken = (s: Span) => found.some((f) => f.span.start < s.end && s.start < f.span.end);
  const theBefore = (start: number) => /\bthe\s+$/i.test(body.slice(Math.max(0, start - 4), start));

  // 1. Names the corpus knows, longest first.
  const knownNames = known
    .flatMap((k) => [k.name, ...k.aliases].filter(isProperName).map((n) => ({ k, n })))
    .sort((a, b) => b.n.length - a.n.length);
  for (const { k, n } of knownNames) {
    for (const span of wholeWords(plain, unaccentSameLength(n))) {
      if (taken(span)) continue;
      const type: EntityType =
        k.kind === 'organization' || k.speakerKind === 'ORGANIZATION'
          ? 'organization'
          : k.speakerKind === 'UNNAMED_GROUP'
            ? 'group'
            : 'person';
      found.push({
        type,
        span: { ...span, text: body.slice(span.start, span.end), the: theBefore(span.start) },
        evidence: `the corpus knows "${n}"`,
        known: { entity: k, how: n === k.name ? 'name' : 'alias', distance: 0 },
      });
    }
  }

  // 2. People: runs of words compromise tags as parts of a person's name, widened.
  const terms = (
    nlp(body).json({ offset: true, terms: { offset: true } }) as {
      terms: { text: string; tags: string[]; offset: { start: number; length: number } }[];
    }[]
  ).flatMap((s) => s.terms);
  // Words compromise takes for places: a person's name does not widen over them ("Mexico Ronald Johnson").
  const places = new Set(
    terms
      .filter((t) => ['Country', 'City', 'Region'].some((k) => t.tags.includes(k)) && !t.tags.includes('Person'))
      .map((t) => t.offset.start),
  );
  const personal = (t: { text: string; tags: string[] }) =>
    t.tags.includes('Person') &&
    !t.tags.includes('Honorific') &&
    /^\p{Lu}/u.test(t.text) &&
    !isTitleWord(t.text.replace(/[.,;:]$/, '')) &&
    !ORG_HEADS.has(t.text.toLowerCase()) &&
    !ORG_OPENERS.has(t.text.toLowerCase()) &&
    !NOT_NAMES.has(t.text);
  for (let i = 0; i < terms.length; i++) {
    if (!personal(terms[i]!)) continue;
    let j = i;
    while (
      j + 1 < terms.length &&
      personal(terms[j + 1]!) &&
      /^ $/.test(body.slice(terms[j]!.offset.start + terms[j]!.offset.length, terms[j + 1]!.offset.start).replace(/^\./, ''))
    )
      j++;
    const first = terms[i]!;
    const gender = first.tags.includes('FemaleName') ? 'female' : first.tags.includes('MaleName') ? 'male' : undefined;
    const raw = { start: first.offset.start, end: terms[j]!.offset.start + terms[j]!.offset.length };
    i = j;
    const span = trimName(doc, widen(doc, snap(doc, raw), places));
    const text = body.slice(span.start, span.end);
    if (span.end <= span.start || taken(span) || orgLike(text) || !/^\p{Lu}/u.test(text) || insideOrganizationName(body, span.start))
      continue;
    found.push({
      type: 'person',
      span: { ...span, text },
      evidence: 'compromise tags it as a person’s name',
      ...(gender ? { gender } : {}),
    });
  }

  // 3. "<Title> <Name>": people compromise missed.
  for (const run of capitalRuns(doc, false)) {
    const words = run.tokens;
    const titleEnd = lastTitleIndex(words.map((w) => w.text));
    if (titleEnd < 0 || titleEnd === words.length - 1) continue;
    const rest = words.slice(titleEnd + 1);
    if (rest.length > 3 || rest.some((w) => !CAPITAL.test(w.text) || ORG_HEADS.has(w.text.toLowerCase()) || NOT_NAMES.has(w.text)))
      continue;
    const span = trimName(doc, { start: rest[0]!.start, end: rest[rest.length - 1]!.end });
    if (taken(span)) continue;
    found.push({ type: 'person', span: { ...span, text: body.slice(span.start, span.end) }, evidence: 'a title stands before the name' });
  }

  // 3b. Two or three capitalized words standing where speakers stand: by a reporting verb, or in
  // an appositive before one ("…, Mats Bergqvist, said", "said Lukas Weber").
  const verbs = [...REPORTING_VERBS].filter((v) => /^[a-z]+$/.test(v)).join('|');
  const name = "\\p{Lu}[\\p{Ll}’'-]+(?: \\p{Lu}\\.)?(?: \\p{Lu}[\\p{Ll}’'-]+){1,2}";
  for (const re of [
    new RegExp(`, (${name}), (?:${verbs})\\b`, 'gu'),
    new RegExp(`\\b(?:${verbs}) (?:(?:${[...TITLE_WORDS].filter((w) => /^[a-z]+$/.test(w)).join('|')}) )*(${name})\\b`, 'gu'),
  ]) {
    for (const m of body.matchAll(re)) {
      const text = m[1]!;
      const start = m.index + m[0].indexOf(text);
      const span = { start, end: start + text.length };
      const words = text.split(' ');
      if (taken(span) || words.some((w) => FUNCTION_WORDS.has(w) || ORG_HEADS.has(w.toLowerCase()) || NATIONALITY.test(w))) continue;
      found.push({ type: 'person', span: { ...span, text }, evidence: 'a name where a speaker stands, by a reporting verb' });
    }
  }

  // 4. Organizations by cue words.
  for (const run of capitalRuns(doc, true)) {
    for (const org of organizationsIn(run.tokens)) {
      const span = { start: org.tokens[0]!.start, end: org.tokens[org.tokens.length - 1]!.end };
      const text = body.slice(span.start, span.end);
      if (taken(span)) continue;
      found.push({
        type: 'organization',
        span: { ...span, text, the: theBefore(span.start) },
        evidence: org.evidence,
        organizationKind: organizationKind(text),
      });
    }
  }
  for (const [name, kind] of INSTITUTIONS) {
    for (const span of wholeWords(body, name)) {
      if (taken(span)) continue;
      found.push({
        type: 'organization',
        span: { ...span, text: name, the: theBefore(span.start) },
        evidence: `"${name}" is an institution`,
        organizationKind: kind,
      });
    }
  }
  const patterns: [RegExp, string, string | undefined][] = [
    // "the Trump administration"
    [/\b(\p{Lu}[\p{L}'’-]+ administration)\b/gu, 'an administration', 'GOVERNMENT'],
    // "the ruling MORENA party", "the Zeta cartel"
    [/\b((?:\p{Lu}[\p{L}'’-]*|\p{Lu}{2,}) (?:party|cartel|gang|militia))\b/gu, 'a party, cartel or gang by name', undefined],
    // "the Mexican government", "Venezuelan authorities", "the US military"
    [
      new RegExp(`\\b(?:the )?((?:${NATIONALITIES}) (?:government|authorities|military|armed forces|forces|army|navy|police))\\b`, 'gu'),
      'a country’s government, military or police',
      undefined,
    ],
    // "the Navy": a head word alone, capitalized mid-sentence
    [
      /(?<=\bthe )((?:Navy|Army|Senate|Marines|Air Force|Coast Guard|Times|Post|Journal|Guardian|Party|Cabinet|Treasury))\b/gu,
      'a capitalized institution word',
      undefined,
    ],
  ];
  for (const [re, evidence, kind] of patterns) {
    for (const m of body.matchAll(re)) {
      const text = m[1]!;
      if (NOT_NAMES.has(text.split(' ')[0]!) && !/^(the )?(\p{Lu})/u.test(text)) continue;
      if (/^(The|A|An|This|That|His|Her|Its|Their)\b/.test(text)) continue;
      const start = m.index + m[0].indexOf(text);
      const span = { start, end: start + text.length };
      if (taken(span)) continue;
      found.push({
        type: 'organization',
        span: { ...span, text, the: theBefore(start) },
        evidence,
        organizationKind: kind ?? organizationKind(text),
      });
    }
  }
  for (const e of italic) {
    if (!isProperName(e) || e.split(' ').length > 6) continue;
    for (const span of wholeWords(body, e)) {
      if (taken(span)) continue;
      found.push({
        type: 'organization',
        span: { ...span, text: e, the: theBefore(span.start) },
        evidence: 'set in italics, as publications are',
        organizationKind: 'MEDIA',
      });
    }
  }
  // Names listed with organizations are organizations of the same kind ("the Gulf Cartel and the Nueva Familia Michoacana").
  for (const f of [...found]) {
    if (f.type !== 'organization') continue;
    const after = /^(,? (?:and |or )?the (\p{Lu}[\p{L}'’-]*(?: (?:\p{Lu}[\p{L}'’-]*|de|del|la|los|las))*))/u.exec(body.slice(f.span.end));
    if (!after) continue;
    const text = after[2]!;
    const start = f.span.end + after[1]!.length - text.length;
    const span = { start, end: start + text.length };
    if (taken(span) || text.split(' ').length < 2) continue;
    found.push({
      type: 'organization',
      span: { ...span, text, the: true },
      evidence: 'listed with other organizations',
      ...(f.organizationKind ? { organizationKind: f.organizationKind } : {}),
    });
  }

  // Surnames alone, after (or before) a person's full name: "Sheinbaum", "Trump’s".
  for (const f of [...found]) {
    if (f.type !== 'person' || !f.span.text.includes(' ')) continue;
    for (const surname of surnameForms(f.span.text)) {
      for (const span of wholeWords(body, surname)) {
        if (taken(span) || !/^\p{Lu}/u.test(surname)) continue;
        found.push({ type: 'person', span: { ...span, text: surname }, evidence: f.evidence });
      }
    }
  }

  // 5. Mentions into entities: the same name, or a surname after the full name.
  found.sort((a, b) => a.span.start - b.span.start);
  const entities: Entity[] = [];
  for (const f of found) {
    const key = f.known ? `known:${f.known.entity.kind}:${f.known.entity.slug}` : `${f.type}:${nameKey(f.span.text)}`;
    let target = entities.find((e) => entityKey(e) === key);
    if (!target && f.type === 'person' && !f.known && !f.span.text.includes(' ')) {
      // A surname alone: the person named in full earlier (or later) in the article.
      target = entities.find((e) => e.type === 'person' && surnames(e.name).includes(nameKey(f.span.text)));
    }
    if (!target) {
      target = { id: entities.length, type: f.type, name: f.span.text, mentions: [], evidence: f.evidence };
      if (f.known) target.known = f.known;
      if (f.gender) target.gender = f.gender;
      if (f.organizationKind) target.organizationKind = f.organizationKind;
      entities.push(target);
    } else if (!target.gender && f.gender) target.gender = f.gender;
    const title = f.type === 'person' ? titleBefore(doc, f.span.start) : undefined;
    target.mentions.push({ ...f.span, ...(title ? { title } : {}) });
    if (f.span.text.length > target.name.length && target.type === f.type && !target.known) target.name = f.span.text;
  }
  // A surname that came before its full name (rare) joins it too.
  for (const e of [...entities]) {
    if (e.type !== 'person' || e.known || e.name.includes(' ')) continue;
    const full = entities.find((x) => x !== e && x.type === 'person' && surnames(x.name).includes(nameKey(e.name)));
    if (full) {
      full.mentions.push(...e.mentions);
      full.mentions.sort((a, b) => a.start - b.start);
      entities.splice(entities.indexOf(e), 1);
    }
  }
  // An organization's short form: a head word its full name ends with ("the Times").
  for (const e of [...entities]) {
    if (e.type !== 'organization' || e.known || e.name.includes(' ')) continue;
    const full = entities.find((x) => x !== e && x.type === 'organization' && x.name.endsWith(` ${e.name}`));
    if (full) {
      full.mentions.push(...e.mentions);
      full.mentions.sort((a, b) => a.start - b.start);
      entities.splice(entities.indexOf(e), 1);
    }
  }
  // Names the corpus knows under a slightly different spelling (accents, typos, initials).
  for (const e of entities) {
    if (e.known) continue;
    const m = matchKnown(e.name, e.type, known);
    if (m) e.known = m;
  }
  entities.forEach((e, i) => (e.id = i));
  return entities;
}

function entityKey(e: Entity): string {
  return e.known ? `known:${e.known.entity.kind}:${e.known.entity.slug}` : `${e.type}:${nameKey(e.name)}`;
}

/** Forms a surname stands alone in, capitalized as in the text: "Sheinbaum", "Hernández Ochoa". */
function surnameForms(name: string): string[] {
  const words = name.split(' ').filter((w) => !/^\p{L}\.?$/u.test(w) && !/^(\p{L}\.)+\p{L}?\.?$/u.test(w));
  const out: string[] = [];
  if (words.length > 1) out.push(words[words.length - 1]!);
  if (words.length > 2) out.push(words.slice(-2).join(' '));
  return out.filter((w) => w.length > 2);
}

/** The last word of a name, and the last two (compound surnames: "Hernández Ochoa"). */
export function surnames(name: string): string[] {
  const words = nameKey(name)
    .split(' ')
    .filter((w) => !/^\p{L}\.?$/u.test(w));
  const out = words.length > 1 ? [words[words.length - 1]!] : [];
  if (words.length > 2) out.push(words.slice(-2).join(' '), words.slice(1).join(' '));
  return out;
}

export function organizationKind(name: string): string {
  const n = name.toLowerCase();
  if (/\b(cartel|gang|mafia|clan)\b/.test(n)) return 'CRIMINAL_ORGANIZATION';
  if (/\b(army|navy|air force|marines|military|armed forces|forces|guard|command)\b/.test(n)) return 'MILITARY';
  if (/\b(police|fbi|dea)\b/.test(n)) return 'LAW_ENFORCEMENT';
  if (/\b(intelligence|cia|nsa)\b/.test(n)) return 'INTELLIGENCE_AGENCY';
  if (/\b(times|post|journal|news|herald|tribune|guardian|gazette|courier|ledger|press|television|radio)\b/.test(n)) return 'MEDIA';
  if (/\bparty\b/.test(n)) return 'POLITICAL_PARTY';
  if (/\b(institute|university|college|school|academy|center for|centre for)\b/.test(n)) return 'RESEARCH_INSTITUTE';
  if (/\b(united nations|european union|nato|general assembly|world bank|international monetary)\b/.test(n)) return 'INTERNATIONAL_BODY';
  if (/\b(administration|government|authorities)\b/.test(n)) return 'GOVERNMENT';
  if (
    /\b(ministry|department|agency|office|bureau|council|board|authority|commission|committee|court|assembly|parliament|senate|congress)\b/.test(
      n,
    )
  )
    return 'GOVERNMENT_BODY';
  if (/\b(inc|ltd|llc|plc|corp|corporation|company|group|maritime|airlines|airways|bank)\b/.test(n)) return 'COMPANY';
  return 'OTHER';
}

function isProperName(n: string): boolean {
  return /\p{Lu}/u.test(n) && n.replace(/^the\s+/i, '').length >= 2;
}

/** Every whole-word occurrence of `needle` in `text` (both already in comparable form). */
function wholeWords(text: string, needle: string): Span[] {
  const out: Span[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = i > 0 ? text[i - 1]! : ' ';
    const after = i + needle.length < text.length ? text[i + needle.length]! : ' ';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    out.push({ start: i, end: i + needle.length });
  }
  return out;
}

/** Accents dropped letter by letter, so that offsets stay those of the original. */
function unaccentSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += bare.length === ch.length ? bare : ch;
  }
  return out;
}

const isTitleWord = (w: string) =>
  TITLE_WORDS.has(w.toLowerCase()) ||
  /^(Mexican|American|Colombian|Venezuelan|British|French|German|Chinese|Russian|Former|Acting)$/.test(w);

/** Widen a person's span over adjacent capitalized name words (and particles before them). */
function widen(doc: Doc, span: Span, places: ReadonlySet<number>): Span {
  const tokens = doc.tokens;
  let i = tokens.findIndex((t) => t.start === span.start);
  let j = tokens.findIndex((t) => t.end === span.end);
  if (i < 0 || j < 0) return span;
  const sameSentence = (a: number, b: number) => tokens[a]!.sentence === tokens[b]!.sentence;
  const adjacent = (a: number, b: number) => /^ $/.test(doc.body.slice(tokens[a]!.end, tokens[b]!.start));
  const nameWord = (t: string) =>
    CAPITAL.test(t) && !isTitleWord(t) && !NOT_NAMES.has(t) && !ORG_HEADS.has(t.toLowerCase()) && !/’s$|'s$/.test(t);
  while (i > 0 && sameSentence(i - 1, i) && adjacent(i - 1, i) && nameWord(tokens[i - 1]!.text) && !places.has(tokens[i - 1]!.start)) i--;
  for (;;) {
    const next = tokens[j + 1];
    if (!next || !sameSentence(j, j + 1) || !adjacent(j, j + 1)) break;
    if (nameWord(next.text) && !places.has(next.start)) j++;
    else if (NAME_PARTICLES.has(next.text) && tokens[j + 2] && adjacent(j + 1, j + 2) && nameWord(tokens[j + 2]!.text)) j += 2;
    else break;
  }
  return { start: tokens[i]!.start, end: tokens[j]!.end };
}

/** Right after "Cartel de la", "Ministry of": the rest of an organization's name, not a person. */
function insideOrganizationName(body: string, start: number): boolean {
  const before = body.slice(Math.max(0, start - 40), start);
  const m = /\b([\p{Lu}][\p{L}]*)\s+(?:of|for|de|del)(?:\s+(?:the|la|los|las|el))?\s+$/u.exec(before);
  return !!m && ORG_OPENERS.has(m[1]!.toLowerCase());
}

/** A name ends before a possessive, and is never a lone title. */
function trimName(doc: Doc, span: Span): Span {
  const text = doc.body.slice(span.start, span.end);
  const m = /(’s|'s)$/.exec(text);
  return m ? { start: span.start, end: span.end - m[0].length } : span;
}

function orgLike(text: string): boolean {
  const last = text.split(' ').pop()!.toLowerCase();
  return ORG_HEADS.has(last) && text.includes(' ');
}

/** The title words right before a person's name ("Mexican President", "US Ambassador to Mexico" is not). */
function titleBefore(doc: Doc, start: number): string | undefined {
  const sentence = doc.sentences[doc.sentenceOf(start)]!;
  const before = doc.body.slice(Math.max(sentence.start, start - 60), start);
  const m = /((?:\p{L}[\p{L}.’'-]*\s+){1,4})$/u.exec(before);
  if (!m) return undefined;
  const words = m[1]!.trim().split(/\s+/);
  let k = words.length;
  while (k > 0 && (isTitleWord(words[k - 1]!) || (/^\p{Lu}/u.test(words[k - 1]!) && !FUNCTION_WORDS.has(words[k - 1]!)))) k--;
  const title = words.slice(k);
  if (
    title.length === 0 ||
    !title.some((w) => TITLE_WORDS.has(w.toLowerCase()) && !['the', 'of', 'us', 'u.s.', 'uk', 'eu', 'un'].includes(w.toLowerCase()))
  )
    return undefined;
  return title.join(' ');
}

function lastTitleIndex(words: string[]): number {
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    if (isTitleWord(words[i]!)) last = i;
    else break;
  }
  return last >= 0 &&
    words
      .slice(0, last + 1)
      .some(
        (w) =>
          TITLE_WORDS.has(w.toLowerCase()) &&
          !['the', 'of', 'us', 'port', 'health', 'transport', 'state', 'defense', 'foreign', 'finance'].includes(w.toLowerCase()),
      )
    ? last
    : -1;
}

/**
 * Organizations within a run of capitalized words: a head word ("Cartel", "Board") with the
 * capitalized words before it, and after it its complement ("of the Suns", "for Strategic
 * Studies", "del Noreste", "Local 12"), but not a place after "in" or "and".
 */
function organizationsIn(tokens: Doc['tokens']): { tokens: Doc['tokens']; evidence: string }[] {
  const out: { tokens: Doc['tokens']; evidence: string }[] = [];
  const lower = tokens.map((t) => t.text.toLowerCase());
  const capital = (i: number) => CAPITAL.test(tokens[i]!.text) && !CONNECTORS.has(lower[i]!);
  let i = 0;
  while (i < tokens.length) {
    const w = lower[i]!;
    const isHead = ORG_HEADS.has(w) || ORG_OPENERS.has(w);
    if (!isHead || !capital(i)) {
      i++;
      continue;
    }
    let start = i;
    // Capitalized words before a head belong to the name ("Northern Health Board"); a
    // nationality only inside a longer name ("Latin American Institute", not "the Venezuelan
    // Cartel de los Soles").
    const nameWord = (k: number) => capital(k) && !/(’s|'s)$/.test(tokens[k]!.text) && !FUNCTION_WORDS.has(tokens[k]!.text);
    const complement = ['of', 'for', 'de', 'del'].includes(lower[i + 1] ?? '');
    while (start > 0 && nameWord(start - 1)) {
      const t = tokens[start - 1]!.text;
      if (NATIONALITY.test(t) && complement && !(start - 2 >= 0 && nameWord(start - 2) && !NATIONALITY.test(tokens[start - 2]!.text)))
        break;
      start--;
    }
    let end = i;
    for (;;) {
      // Capitalized words or numbers right after the head ("Union Local 12").
      if (end + 1 < tokens.length && (capital(end + 1) || /^\d+$/.test(tokens[end + 1]!.text)) && !ORG_OPENERS.has(lower[end + 1]!)) {
        end++;
        continue;
      }
      // A complement: of/for/de (the) Capitalized…
      const c = lower[end + 1];
      if (c && ['of', 'for', 'de', 'del', 'on'].includes(c)) {
        let k = end + 2;
        while (k < tokens.length && ['the', 'la', 'los', 'las', 'el'].includes(lower[k]!)) k++;
        if (k < tokens.length && capital(k)) {
          end = k;
          continue;
        }
      }
      break;
    }
    const opener = ORG_OPENERS.has(w) && end > i;
    if (start < i || opener || end > i) {
      out.push({ tokens: tokens.slice(start, end + 1), evidence: `"${tokens[i]!.text}" names an organization` });
    }
    i = end + 1;
  }
  return out;
}

/** A raw span snapped to the tokens it covers (compromise's spans may carry punctuation). */
function snap(doc: Doc, span: Span): Span {
  const inside = doc.tokens.filter((t) => t.start >= span.start && t.start < span.end);
  return inside.length > 0 ? { start: inside[0]!.start, end: inside[inside.length - 1]!.end } : span;
}

/**
 * Runs of capitalized tokens within a sentence (with connectors between them when `connectors`),
 * outside quotations.
 */
function capitalRuns(doc: Doc, connectors: boolean) {
  const runs: { tokens: Doc['tokens'] }[] = [];
  let current: Doc['tokens'] = [];
  const flush = () => {
    if (current.length > 0) runs.push({ tokens: current });
    current = [];
  };
  doc.tokens.forEach((t, i) => {
    const prev = doc.tokens[i - 1];
    const joined = prev && prev.sentence === t.sentence && /^ $/.test(doc.body.slice(prev.end, t.start));
    const capital = CAPITAL.test(t.text) || /^\d+$/.test(t.text) || (!connectors && isTitleWord(t.text));
    const connector = connectors && CONNECTORS.has(t.text);
    if (!joined) flush();
    if (capital || (connector && current.length > 0)) current.push(t);
    else flush();
  });
  flush();
  return runs;
}
