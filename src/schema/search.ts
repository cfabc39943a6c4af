/** `search(query)`: ranked full-text search across every kind of entity, with highlighted snippets. */
import { brandWithType } from '@pothos/core';
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Aliases, fromItem, type ListSource, type NodeTable, type ScanNode } from '../db/pages.js';
import type { articles, events, organizations, quotes, speakers } from '../db/schema.js';
import { ARTICLE, ArticleNode, type ArticleData } from './article.js';
import { builder } from './builder.js';
import { edgeData, type ListDef, rootPage } from './connections.js';
import { EVENT, EventNode, type EventRow } from './event.js';
import { headline, nameMatch, searchText, textQuery } from './matching.js';
import { ORGANIZATION, OrganizationNode, type OrganizationRow } from './organization.js';
import { QUOTE, QuoteNode, type QuoteRow } from './quote.js';
import { SPEAKER, SpeakerNode, type SpeakerRow } from './speaker.js';

const KINDS = {
  ARTICLE: { node: ARTICLE, ref: ArticleNode, description: 'Articles (title and body).' },
  QUOTE: { node: QUOTE, ref: QuoteNode, description: 'Quotes (the quoted or paraphrased words).' },
  SPEAKER: { node: SPEAKER, ref: SpeakerNode, description: 'Speakers (names, aliases, description).' },
  ORGANIZATION: { node: ORGANIZATION, ref: OrganizationNode, description: 'Organizations (names, aliases, description).' },
  EVENT: { node: EVENT, ref: EventNode, description: 'Events (title, description, places).' },
} as const;

type SearchKind = keyof typeof KINDS;
const byType = new Map(Object.values(KINDS).map((k) => [k.node.type as string, k]));

export const SearchKindEnum = builder.enumType('SearchKind', {
  description: 'A kind of entity `search` can return.',
  values: Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, { description: v.description }])) as Record<
    SearchKind,
    { description: string }
  >,
});

export const SearchResultUnion = builder.unionType('SearchResult', {
  description: 'Anything `search` finds.',
  types: () => Object.values(KINDS).map((k) => k.ref),
});

type SearchRow = ArticleData | QuoteRow | SpeakerRow | OrganizationRow | EventRow;

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

/** A hit's columns: its kind (the node type's name), the node's id, its rank (numeric, 6 places). */
interface HitColumns {
  kind: SQL;
  id: SQL;
  rank: SQL;
}

function hitColumns(name: string): HitColumns {
  const h = sql.identifier(name);
  return { kind: sql`${h}.kind`, id: sql`${h}.id`, rank: sql`${h}.rank` };
}

/** One kind's matches: kind, id and rank, over a fresh alias of its table. */
function matches(node: NodeTable, q: string, aliases: Aliases): SQL {
  const tq = textQuery(q);
  const row = aliases.table(node.table) as PgTable & { id: SQL; search: SQL; name: SQL; aliases: SQL };
  const ftsRank = sql`round((ts_rank(${row.search}, ${tq}, 32))::numeric, 6)`;
  const select = (rank: SQL, where: SQL) =>
    sql`SELECT ${node.type}::text AS kind, ${row.id} AS id, ${rank} AS rank FROM ${fromItem(row)} WHERE ${where}`;
  if (node === SPEAKER || node === ORGANIZATION) {
    const name = nameMatch({ name: sql`${row.name}`, aliases: sql`${row.aliases}` }, q);
    return select(sql`greatest(${name.score}, ${ftsRank})`, sql`(${name.where} OR ${row.search} @@ ${tq})`);
  }
  return select(ftsRank, sql`${row.search} @@ ${tq}`);
}

/** The text a hit's snippet highlights, from its node's row. */
function documentOf(node: NodeTable, row: PgTable): SQL {
  switch (node) {
    case ARTICLE: {
      const a = row as typeof articles;
      return sql`${a.title} || E'\n\n' || ${a.body}`;
    }
    case QUOTE:
      return sql`${(row as typeof quotes).text}`;
    case EVENT: {
      const e = row as typeof events;
      return sql`concat_ws(E'\n', ${e.title}, ${e.description}, verbatim_join(${e.places}))`;
    }
    default: {
      const s = row as typeof speakers | typeof organizations;
      return sql`concat_ws(E'\n', ${s.name}, verbatim_join(${s.aliases}), ${s.description})`;
    }
  }
}

interface SearchRows {
  hit: HitColumns;
  /** The hits' union, and the joins of their rows onto a table of hits named `name`. */
  union: SQL;
  joins: SQL;
  name: string;
}

function searchSource(q: string, kinds: readonly SearchKind[]): ListSource<SearchRows> {
  const nodes = kinds.map((k) => KINDS[k].node);
  return {
    ordering: {
      name: 'search',
      keys: [
        { type: 'numeric', desc: true, expr: ({ hit }) => hit.rank },
        { type: 'text', expr: ({ hit }) => sql`${hit.kind} COLLATE "C"` },
        { type: 'int', expr: ({ hit }) => hit.id },
      ],
    },
    nodes,
    scan(aliases) {
      const name = aliases.name('h');
      const hit = hitColumns(name);
      const union = sql.join(
        nodes.map((node) => matches(node, q, aliases)),
        sql` UNION ALL `,
      );
      const scanNodes: ScanNode[] = nodes.map((node) => {
        const row = aliases.table(node.table);
        return { of: node, row, when: sql`${hit.kind} = ${node.type}::text` };
      });
      const joins = sql.join(
        scanNodes.map((n) => sql`LEFT JOIN ${fromItem(n.row)} ON ${n.when} AND ${(n.row as unknown as { id: SQL }).id} = ${hit.id}`),
        sql` `,
      );
      const document = sql`CASE ${sql.join(
        scanNodes.map((n) => sql`WHEN ${n.when} THEN ${documentOf(n.of, n.row)}`),
        sql` `,
      )} END`;
      return {
        rows: { hit, union, joins, name },
        from: sql`(${union}) ${sql.identifier(name)} ${joins}`,
        where: [],
        nodes: scanNodes,
        // Computed for the page's rows only: ts_headline is the costly part of a search.
        edge: sql`jsonb_build_object('rank', ${hit.rank}::text, 'snippet', ${headline(document, q)})`,
      };
    },
    // The page's hits first, in order and limited; only their rows are joined.
    narrow(page, scan, _fresh, aliases) {
      const { union, joins, name } = scan.rows;
      const inner = aliases.name('u');
      const rows = { ...scan.rows, hit: hitColumns(inner) };
      return {
        from: sql`(SELECT ${sql.identifier(inner)}.* FROM (${union}) ${sql.identifier(inner)}
          WHERE ${page.window(rows)} ORDER BY ${page.orderBy(rows)} LIMIT ${page.limit}) ${sql.identifier(name)} ${joins}`,
        where: [],
      };
    },
  };
}

const searchList = (q: string, kinds: readonly SearchKind[]): ListDef<Hit> => ({
  source: searchSource(q, kinds),
  item: (row) => {
    const kind = byType.get(row.type);
    if (!kind) throw new Error(`search returned an unknown kind ${row.type}`);
    // The union tells the node's type by this brand.
    brandWithType(row.row, kind.ref);
    return { node: row.row as SearchRow, rank: Number(row.edge?.rank), snippet: String(row.edge?.snippet) };
  },
});

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
      return rootPage(searchList(q, kinds), args, ctx, info);
    },
  }),
);
