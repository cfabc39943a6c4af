/**
 * Text matching in SQL: full-text queries and typo- and accent-tolerant name matching. Every
 * expression here is written the way the trigram and tsvector indexes of the schema are built, so
 * those indexes can serve it.
 */
import { sql, type SQL } from 'drizzle-orm';
import { namesKey, type organizations, type speakers } from '../db/schema.js';
import { type ListSource, type NodeTable, type Ordering, type SortKey, tableList } from '../db/pages.js';
import { badUserInput } from './errors.js';

export const MAX_SEARCH_LENGTH = 200;

/** The text of a search argument, trimmed; BAD_USER_INPUT when blank or too long. */
export function searchText(value: string, argument: string): string {
  const text = value.trim();
  if (text === '') throw badUserInput(`\`${argument}\` must not be blank.`, { argument });
  if (text.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`\`${argument}\` must be at most ${MAX_SEARCH_LENGTH} characters (got ${text.length}).`, { argument });
  }
  return text;
}

/**
 * A full-text query for user text (web-search syntax: "quoted phrases", or, -not): English stems
 * or the unaccented words as typed, matching both kinds of vector the tables hold.
 */
export function textQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', verbatim_unaccent(${q})))`;
}

/**
 * The spellings of a name query to try: as typed, and with letters and digits split apart, since
 * trigrams treat "MS-13" as the words "ms" and "13" but "MS13" as one word.
 */
export function nameSpellings(q: string): string[] {
  const split = q.replace(/(\p{L})(\p{N})/gu, '$1 $2').replace(/(\p{N})(\p{L})/gu, '$1 $2');
  return split === q ? [q] : [q, split];
}

export interface NameColumns {
  name: SQL;
  aliases: SQL;
}

/**
 * Rows whose name or an alias resembles `q`, ignoring accents and case, tolerating typos
 * ("Sheinbam", "Hernandez Ochoa", "MS13"), and a score in [0, 1] to rank them (exact words 1):
 * the word similarity of the query to the closest run of words in the name and aliases (`<%`
 * keeps scores of at least pg_trgm's 0.6). Both are served by the GiST index on namesKey; with a
 * single spelling, `distance` (1 - score) orders rows the way that index returns them, nearest
 * first, so a page reads the best few rows rather than every row that resembles the query.
 */
export function nameMatch(columns: NameColumns, q: string): { where: SQL; score: SQL; distance: SQL | undefined } {
  const key = namesKey(columns.name, columns.aliases);
  const spellings = nameSpellings(q).map((s) => sql`verbatim_unaccent(${s}::text)`);
  const [only] = spellings;
  return {
    where: sql`(${sql.join(
      spellings.map((s) => sql`${s} <% ${key}`),
      sql` OR `,
    )})`,
    score: sql`round(greatest(${sql.join(
      spellings.map((s) => sql`word_similarity(${s}, ${key})`),
      sql`, `,
    )})::numeric, 6)`,
    distance: spellings.length === 1 && only ? sql`(${only} <<-> ${key})` : undefined,
  };
}

/** A one-line snippet of `document` with the words matching `q` between <mark> and </mark>. */
export function headline(document: SQL, q: string): SQL {
  return sql`regexp_replace(ts_headline('english', ${document}, ${textQuery(q)}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'), '[[:space:]]+', ' ', 'g')`;
}

/**
 * A root list of named entities (speakers, organizations): all of them in `order`, or with
 * `search` those whose name or an alias resembles it, best match first.
 */
export function namedList<T extends typeof speakers | typeof organizations>(
  node: NodeTable<T>,
  order: Ordering<{ node: T }>,
  args: { search?: string | null | undefined; kind?: string | null | undefined },
): ListSource<{ node: T }> {
  const search = args.search == null ? null : searchText(args.search, 'search');
  const match = (row: T) => (search === null ? undefined : nameMatch({ name: sql`${row.name}`, aliases: sql`${row.aliases}` }, search));
  let ordering = order;
  if (search !== null) {
    // Nearest first by the index's own distance when there is one; the same order as the score.
    const best: SortKey<{ node: T }> =
      nameSpellings(search).length === 1
        ? { type: 'real', expr: ({ node }) => match(node)?.distance ?? sql`0` }
        : { type: 'numeric', desc: true, expr: ({ node }) => match(node)?.score ?? sql`0` };
    ordering = { name: `${order.name}-match`, keys: [best, ...order.keys] };
  }
  return tableList({
    node,
    ordering,
    where: (row) => {
      const filters: SQL[] = [];
      if (args.kind != null) filters.push(sql`${row.kind} = ${args.kind}`);
      const m = match(row);
      if (m) filters.push(m.where);
      return filters;
    },
  });
}
