/** `search(query)`: ranked full-text search across every kind of entity, with highlighted snippets. */
import { brandWithType } from '@pothos/core';
import { sql, type SQL } from 'drizzle-orm';
import { rowFromJson } from '../db/rows.js';
import { articles, events, organizations, quotes, speakers } from '../db/schema.js';
import { ArticleNode, type ArticleRow } from './article.js';
import { builder } from './builder.js';
import { edgeData, type ListSource, loadPage } from './connections.js';
import { EventNode, type EventRow } from './event.js';
import { headline, nameMatch, searchText, textQuery } from './matching.js';
import { OrganizationNode, type OrganizationRow } from './organization.js';
import { QuoteNode, type QuoteRow } from './quote.js';
import { SpeakerNode, type SpeakerRow } from './speaker.js';

const KINDS = {
  ARTICLE: { type: 'Article', table: articles, description: 'Articles (title and body).' },
  QUOTE: { type: 'Quote', table: quotes, description: 'Quotes (the quoted or paraphrased words).' },
  SPEAKER: { type: 'Speaker', table: speakers, description: 'Speakers (names, aliases, description).' },
  ORGANIZATION: { type: 'Organization', table: organizations, description: 'Organizations (names, aliases, description).' },
  EVENT: { type: 'Event', table: events, description: 'Events (title, description, places).' },
} as const;

type SearchKind = keyof typeof KINDS;
type TypeName = (typeof KINDS)[SearchKind]['type'];
/** The node refs by type name (a function: the refs come from modules that import this one's peers). */
const nodeRefs = () => ({ Article: ArticleNode, Quote: QuoteNode, Speaker: SpeakerNode, Organization: OrganizationNode, Event: EventNode });
const byType = new Map(Object.values(KINDS).map((k) => [k.type as string, k]));

export const SearchKindEnum = builder.enumType('SearchKind', {
  description: 'A kind of entity `search` can return.',
  values: Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, { description: v.description }])) as Record<
    SearchKind,
    { description: string }
  >,
});

export const SearchResultUnion = builder.unionType('SearchResult', {
  description: 'Anything `search` finds.',
  types: () => Object.values(nodeRefs()),
});

type SearchRow = ArticleRow | QuoteRow | SpeakerRow | OrganizationRow | EventRow;

interface Hit {
  node: SearchRow;
  rank: number;
  snippet: string;
}

export const SearchConnection = builder.connectionObject(
  { type: SearchResultUnion, name: 'SearchConnection', description: 'A page of search results, best first.' },
  {
    name: 'SearchEdge',
    description: 'A search result, with its score and a snippet.',
    fields: (t) => ({
      rank: t.float({
        description:
          'How well it matches, from 0 to 1 (full-text rank; for names, their similarity to the query). Results are ordered by it.',
        resolve: (e) => edgeData<Hit>(e).rank,
      }),
      snippet: t.string({
        description: 'The matching text with the matched words between <mark> and </mark>; plain text otherwise (not HTML-escaped).',
        resolve: (e) => edgeData<Hit>(e).snippet,
      }),
    }),
  },
);

/** One kind's matches: kind, id, rank (numeric, 6 places), the text to highlight, the node json. */
function matches(type: TypeName, q: string): SQL {
  const tq = textQuery(q);
  const ftsRank = sql`ts_rank(t.search, ${tq}, 32)`;
  const rounded = (rank: SQL) => sql`round((${rank})::numeric, 6)`;
  const select = (rank: SQL, doc: SQL, table: SQL, where: SQL) =>
    sql`SELECT ${type}::text AS kind, t.id, ${rank} AS rank, ${doc} AS doc, to_jsonb(t) - 'search' AS node FROM ${table} t WHERE ${where}`;
  switch (type) {
    case 'Article':
      return select(rounded(ftsRank), sql`t.title || E'\n\n' || t.body`, sql`articles`, sql`t.search @@ ${tq}`);
    case 'Quote':
      return select(rounded(ftsRank), sql`t.text`, sql`quotes`, sql`t.search @@ ${tq}`);
    case 'Event':
      return select(
        rounded(ftsRank),
        sql`concat_ws(E'\n', t.title, t.description, verbatim_join(t.places))`,
        sql`events`,
        sql`t.search @@ ${tq}`,
      );
    case 'Speaker':
    case 'Organization': {
      const name = nameMatch({ name: sql`t.name`, aliases: sql`t.aliases` }, q);
      return select(
        sql`greatest(${name.score}, ${rounded(ftsRank)})`,
        sql`concat_ws(E'\n', t.name, verbatim_join(t.aliases), t.description)`,
        type === 'Speaker' ? sql`speakers` : sql`organizations`,
        sql`(${name.where} OR t.search @@ ${tq})`,
      );
    }
  }
}

function searchSource(q: string, kinds: readonly SearchKind[]): ListSource<Hit> {
  const branches = kinds.map((k) => matches(KINDS[k].type, q));
  return {
    ordering: {
      name: 'search',
      keys: [
        { expr: sql`t.rank`, type: 'numeric', desc: true },
        { expr: sql`t.kind COLLATE "C"`, type: 'text' },
        { expr: sql`t.id`, type: 'int' },
      ],
    },
    from: () => sql`FROM (${sql.join(branches, sql` UNION ALL `)}) t WHERE true`,
    node: sql`t.node`,
    // Computed for the page's rows only: ts_headline is the costly part of a search.
    edge: sql`jsonb_build_object('kind', t.kind, 'rank', t.rank::text, 'snippet', ${headline(sql`t.doc`, q)})`,
    toItem: (node, edge) => {
      const kind = byType.get(edge?.kind as string);
      if (!kind) throw new Error(`search returned an unknown kind ${String(edge?.kind)}`);
      const row = rowFromJson(kind.table, node) as SearchRow;
      brandWithType(row, nodeRefs()[kind.type]);
      return { node: row, rank: Number(edge?.rank), snippet: String(edge?.snippet) };
    },
  };
}

builder.queryField('search', (t) =>
  t.field({
    type: SearchConnection,
    description:
      'Full-text search across articles, quotes, speakers, organizations and events, best match first, with highlighted snippets. Names also match when misspelled or typed without accents.',
    args: {
      ...t.arg.connectionArgs(),
      query: t.arg.string({
        required: true,
        description: 'What to look for (web-search syntax: "a phrase", or, -word). At most 200 characters.',
      }),
      kinds: t.arg({ type: [SearchKindEnum], description: 'Only these kinds of entity (default: all).' }),
    },
    resolve: (_root, args, ctx, info) => {
      const q = searchText(args.query, 'query');
      const kinds = args.kinds?.length ? [...new Set(args.kinds)] : (Object.keys(KINDS) as SearchKind[]);
      return loadPage(ctx.db, searchSource(q, kinds), args, info);
    },
  }),
);
