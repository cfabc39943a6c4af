/**
 * Date expressions in the body, resolved against the publication date. chrono-node finds
 * calendar expressions ("August 12", "in February", "on Tuesday", "October 20, 2025") and says
 * which parts the text states; our own patterns find what it does not ("since 2012", "in 1916",
 * "the 1990s") or reads too finely ("last week" is a week, not a day; "so far this year" a range).
 * Direction and precision are ours:
 *
 * - news reports the past: a date without a year, a month or a weekday is the latest one on or
 *   before the publication day, unless its clause speaks of the future ("will", "is expected to",
 *   "next", "to meet on Friday"), then the next one after it;
 * - precision is what the words give: a day, a month, a year, a decade; a span the article only
 *   gives roughly ("two weeks ago", "last week", "since 2012") is APPROXIMATE;
 * - deadlines ("by the end of November", "within two weeks") are found but are not the date of
 *   anything: they are not proposed for events or quotes.
 */
import * as chrono from 'chrono-node';
import { parsePartialDate, type DateRange, type Precision } from '../dates.js';
import type { Span } from '../offsets.js';
import type { Doc } from './document.js';
import { FUTURE } from './lexicon.js';

export interface FoundDate extends Span {
  /** The article's words, with their preposition ("on August 12", "since 2012"). */
  text: string;
  /** As the seed writes it: YYYY-MM-DD, YYYY-MM, YYYY, YYY0s or A/B. */
  value: string;
  /** Only when the value alone does not say it (APPROXIMATE). */
  precision?: Precision;
  range: DateRange;
  /** A deadline, not the date of an event or a statement. */
  deadline: boolean;
  /** Resolved forward because the clause speaks of the future. */
  future: boolean;
  /** For the review comment: how it was read. */
  why: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  several: 3,
  few: 3,
};
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December)';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const month = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;

interface Reading {
  value: string;
  precision?: Precision;
  why: string;
}

type Rule = { re: RegExp; read: (m: RegExpExecArray, pub: Date, future: boolean) => Reading | undefined; deadline?: boolean };

/** Our patterns, tried before chrono's results (they win where both match). */
const RULES: Rule[] = [
  {
    re: /\b(?:until|till) (\d{4})\b/g,
    deadline: true,
    read: (m) => ({ value: m[1]!, why: 'until then: a deadline' }),
  },
  {
    re: /\b(?:by|before|until|till) the end of (?:the |this )?(month|year|week|(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{4})?|\d{4})\b/gi,
    deadline: true,
    read: (m, pub) => {
      const w = m[1]!.toLowerCase();
      const y = pub.getUTCFullYear();
      if (w === 'month') return { value: month(y, pub.getUTCMonth() + 1), why: 'a deadline: the end of this month' };
      if (w === 'year') return { value: String(y), why: 'a deadline: the end of this year' };
      if (w === 'week') return undefined;
      if (/^\d{4}$/.test(w)) return { value: w, why: 'a deadline' };
      const [name, year] = w.split(' ');
      const mo = MONTHS.indexOf(name!) + 1;
      return {
        value: month(year ? Number(year) : mo >= pub.getUTCMonth() + 1 ? y : y + 1, mo),
        why: 'a deadline: the end of that month, ahead',
      };
    },
  },
  { re: /\bwithin (?:a|an|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?|years?)\b/gi, deadline: true, read: () => undefined },
  {
    re: /\b(?:so far this year|this year so far|earlier this year|since the (?:start|beginning) of (?:the|this) year)\b/gi,
    read: (m, pub) => ({
      value: `${pub.getUTCFullYear()}-01-01/${iso(pub)}`,
      ...(/earlier/i.test(m[0]) ? { precision: 'APPROXIMATE' as const } : {}),
      why: 'from January 1 to the publication day',
    }),
  },
  {
    re: new RegExp(`\\b[Ss]ince (?:(early|mid|late) )?(?:${MONTH_RE}(?: (\\d{4}))?|(\\d{4}))\\b`, 'g'),
    read: (m, pub) => {
      const [, , name, year, bare] = m;
      let from: string;
      if (bare) from = bare;
      else {
        const mo = MONTHS.indexOf(name!.toLowerCase()) + 1;
        const y = year ? Number(year) : mo <= pub.getUTCMonth() + 1 ? pub.getUTCFullYear() : pub.getUTCFullYear() - 1;
        from = month(y, mo);
      }
      return { value: `${from}/${iso(pub)}`, precision: 'APPROXIMATE', why: 'from then up to the publication day, roughly' };
    },
  },
  {
    re: /\b(last|this|next|earlier this|later this) (week|month|year)\b/gi,
    read: (m, pub) => {
      const which = m[1]!.toLowerCase();
      const unit = m[2]!.toLowerCase();
      const y = pub.getUTCFullYear();
      const mo = pub.getUTCMonth() + 1;
      const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      if (unit === 'week') {
        // Calendar weeks, Monday to Sunday.
        const monday = addDays(pub, -((pub.getUTCDay() + 6) % 7) + 7 * shift);
        if (which === 'earlier this')
          return { value: `${iso(monday)}/${iso(pub)}`, precision: 'APPROXIMATE', why: 'this week, before the publication day' };
        return { value: `${iso(monday)}/${iso(addDays(monday, 6))}`, precision: 'APPROXIMATE', why: `${which} week: Monday to Sunday` };
      }
      if (unit === 'month') {
        if (which === 'earlier this')
          return { value: `${month(y, mo)}-01/${iso(pub)}`, precision: 'APPROXIMATE', why: 'this month, before the publication day' };
        const d = new Date(Date.UTC(y, mo - 1 + shift, 1));
        return { value: month(d.getUTCFullYear(), d.getUTCMonth() + 1), why: `${which} month` };
      }
      return { value: String(y + shift), why: `${which} year` };
    },
  },
  {
    re: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\d+) (days?|weeks?|months?|years?) (ago|earlier)\b/gi,
    read: (m, pub) => {
      const n = NUMBERS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const unit = m[2]!.toLowerCase().replace(/s$/, '');
      if (m[3]!.toLowerCase() === 'earlier') return undefined; // earlier than what the sentence says, not than the publication
      if (unit === 'day') return { value: iso(addDays(pub, -n)), why: `${n} day(s) before the publication day` };
      if (unit === 'week') {
        const centre = addDays(pub, -7 * n);
        return {
          value: `${iso(addDays(centre, -3))}/${iso(addDays(centre, 3))}`,
          precision: 'APPROXIMATE',
          why: `${n} week(s) before the publication day, give or take three days`,
        };
      }
      if (unit === 'month') {
        const d = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() - n, 1));
        return {
          value: month(d.getUTCFullYear(), d.getUTCMonth() + 1),
          precision: 'APPROXIMATE',
          why: `${n} month(s) before the publication day, roughly`,
        };
      }
      return { value: String(pub.getUTCFullYear() - n), precision: 'APPROXIMATE', why: `${n} year(s) before the publication day, roughly` };
    },
  },
  {
    re: /\b(yesterday|today|tomorrow)\b/gi,
    read: (m, pub) => ({
      value: iso(addDays(pub, { yesterday: -1, today: 0, tomorrow: 1 }[m[1]!.toLowerCase() as 'today'])),
      why: m[1]!.toLowerCase(),
    }),
  },
  {
    re: /\b(?:in|during|by|of|from|until) the (early |mid-|mid |late )?(\d{3}0)s\b/gi,
    read: (m) => {
      const decade = Number(m[2]);
      const part = m[1]?.trim().replace('-', '');
      if (!part) return { value: `${decade}s`, why: 'a decade' };
      const [a, b] = part === 'early' ? [0, 3] : part === 'mid' ? [3, 6] : [7, 9];
      return { value: `${decade + a}/${decade + b}`, precision: 'APPROXIMATE', why: `the ${part} ${decade}s, roughly` };
    },
  },
  {
    re: /\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Oo]f) (\d{4})\b(?! (?:percent|people|troops|workers|ships|dollars|euros))/g,
    read: (m) => (Number(m[1]) >= 1000 && Number(m[1]) <= 2200 ? { value: m[1]!, why: 'a year' } : undefined),
  },
];

/** Every date expression, in body order, without overlaps. */
export function findDates(doc: Doc, publishedOn: string): FoundDate[] {
  const pub = day(publishedOn);
  const out: FoundDate[] = [];
  const body = doc.body;
  const free = (s: Span) => !out.some((d) => d.start < s.end && s.start < d.end);
  const add = (start: number, end: number, r: Reading, deadline: boolean, future: boolean) => {
    const parsed = parsePartialDate(r.value, r.precision);
    if (!parsed.ok) return;
    out.push({
      start,
      end,
      text: body.slice(start, end),
      value: r.value,
      ...(r.precision ? { precision: r.precision } : {}),
      range: parsed.range,
      deadline,
      future,
      why: r.why,
    });
  };
  for (const rule of RULES) {
    for (const m of body.matchAll(rule.re)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (!free(span)) continue;
      const future = futureAt(doc, span.start);
      const r = rule.read(m as RegExpExecArray, pub, future);
      if (!r) {
        if (rule.deadline)
          out.push({
            ...span,
            text: m[0],
            value: '',
            range: { start: '', end: '', precision: 'APPROXIMATE' },
            deadline: true,
            future,
            why: 'a deadline',
          });
        continue;
      }
      add(span.start, span.end, r, rule.deadline ?? false, future);
    }
  }
  // chrono-node for calendar expressions, paragraph by paragraph; our rules give the year.
  for (const p of doc.paragraphs) {
    for (const result of chrono.parse(body.slice(p.start, p.end), pub)) {
      // Durations ("for 22 years"), "now" and "the weekend" are not dates of anything.
      if (/^(now|tonight|right now)$|weekend|\b(years?|months?|weeks?|days?|hours?)\b(?! ago)/i.test(result.text)) continue;
      const start = p.start + result.index;
      const text = result.text.replace(/[\s,.;:]+$/, '');
      let span = { start, end: start + text.length };
      // The preposition is part of the article's words for the date.
      const before = /(?:\b([Oo]n|[Ii]n|[Ss]ince|[Dd]uring|[Ff]rom|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?)\s)$/.exec(
        body.slice(Math.max(p.start, start - 8), start),
      );
      if (before) span = { start: start - before[0].length, end: span.end };
      if (!free(span)) continue;
      const future = futureAt(doc, span.start);
      const r = readChrono(result, pub, future, body.slice(span.start, span.end));
      if (!r) continue;
      add(span.start, span.end, r, /^by /i.test(body.slice(span.start, span.end)), future);
    }
  }
  return out.filter((d) => d.value !== '' || d.deadline).sort((a, b) => a.start - b.start);
}

/** The clause before the date speaks of the future. */
function futureAt(doc: Doc, offset: number): boolean {
  const s = doc.sentences[doc.sentenceOf(offset)]!;
  const clause =
    doc.body
      .slice(s.start, offset)
      .split(/[,;]\s|\b(?:but|and|although|while|after|before)\b/)
      .pop() ?? '';
  return FUTURE.test(clause);
}

function readChrono(result: chrono.ParsedResult, pub: Date, future: boolean, text: string): Reading | undefined {
  const c = result.start;
  const certain = (k: chrono.Component) => c.isCertain(k);
  const y = pub.getUTCFullYear();
  // Relative expressions are our rules' business (chrono reads "last week" as one day).
  if (
    /\b(ago|last|next|this|earlier|later|yesterday|today|tomorrow|now|tonight|morning|evening|noon)\b/i.test(result.text) &&
    !certain('month')
  ) {
    if (certain('weekday') && !/\b(ago|this|next|last)\b/i.test(result.text)) {
      // "on Monday evening": the weekday is what counts.
    } else return undefined;
  }
  if (certain('day') && certain('month')) {
    const mo = c.get('month')!;
    const d = c.get('day')!;
    const year = certain('year') ? c.get('year')! : pickYear(y, mo, d, pub, future);
    return {
      value: `${pad(year, 4)}-${pad(mo)}-${pad(d)}`,
      why: certain('year')
        ? 'a calendar date'
        : `the ${future ? 'next' : 'latest'} ${MONTHS[mo - 1]} ${d} ${future ? 'after' : 'on or before'} the publication day`,
    };
  }
  if (certain('month')) {
    const mo = c.get('month')!;
    const year = certain('year') ? c.get('year')! : pickYear(y, mo, 1, pub, future);
    const rough = /\b(early|late|mid)/i.test(text);
    return {
      value: month(year, mo),
      ...(rough ? { precision: 'APPROXIMATE' as const } : {}),
      why: certain('year')
        ? 'a month'
        : `the ${future ? 'next' : 'latest'} ${MONTHS[mo - 1]} ${future ? 'after' : 'up to'} the publication`,
    };
  }
  if (certain('weekday')) {
    const wd = c.get('weekday')!;
    const diff = (pub.getUTCDay() - wd + 7) % 7;
    const d = future ? addDays(pub, diff === 0 ? 7 : 7 - diff) : addDays(pub, -diff);
    return {
      value: iso(d),
      why: `the ${future ? 'next' : 'latest'} ${WEEKDAYS[wd]} ${future ? 'after' : 'on or before'} the publication day`,
    };
  }
  if (certain('year')) return { value: String(c.get('year')), why: 'a year' };
  return undefined;
}

/** The year of a month (and day) without one: the latest on or before publication, or the next after it. */
function pickYear(y: number, mo: number, d: number, pub: Date, future: boolean): number {
  const thisYear = Date.UTC(y, mo - 1, d);
  if (future) return thisYear >= pub.getTime() || (mo === pub.getUTCMonth() + 1 && d === 1) ? y : y + 1;
  return thisYear <= pub.getTime() ? y : y - 1;
}
