/**
 * GraphiQL, served by us and fast: a small page, and GraphiQL's code (script, styles, Monaco's
 * workers, icon) as separate hashed, compressed, immutable assets (src/server/assets.ts) instead
 * of @graphql-yoga/render-graphiql's single 9 MB page. The first tab says what the corpus holds.
 */
import { createHash } from 'node:crypto';
import { execute, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../db/client.js';
import { createContext } from '../schema/context.js';
import { schema } from '../schema/index.js';
import { AssetBundle } from './assets.js';

export const GRAPHIQL_ASSETS = '/graphiql/';
/**
 * Comment lines are wrapped to this width: GraphiQL's editor shows ~56 characters in a
 * 1400-pixel window (and wraps what is longer, in narrower ones).
 */
const COMMENT_WIDTH = 52;

interface TabSource {
  /** What the example shows; becomes the tab's leading `#` comment. */
  comment: string;
  query: string;
  variables?: string;
}

/** Example queries preloaded in GraphiQL's tabs; each runs as it is on the seed corpus. */
const TABS: TabSource[] = [
  {
    comment:
      "Everything Claudia Sheinbaum said in the corpus, ordered by the article's date, then position in the article. For DIRECT and PARTIAL quotes, article.body.slice(startOffset, endOffset) is exactly `text`. Page on with `after: <endCursor>`.",
    query: `query QuotesBySpeaker {
  speaker(slug: "claudia-sheinbaum") {
    name
    roles { title organization { name } }
    quotes(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        kind
        text
        speakerDescription
        verb
        said { start end precision text }
        article { slug publishedOn }
        paragraph { position }
        startOffset
        endOffset
      }
    }
  }
}
`,
  },
  {
    comment:
      'What happened in August 2025: every event whose date range overlaps the month, by date. A date is a range with a precision ("in August" is a MONTH), so `events(on: "2025-08-12")` also finds events known only to the month.',
    query: `query EventsInAMonth {
  events(from: "2025-08-01", to: "2025-08-31", first: 50) {
    totalCount
    nodes {
      slug
      title
      kind
      date { start end precision text external }
      places
      participants {
        edges {
          role
          node {
            __typename
            ... on Speaker { slug name }
            ... on Organization { slug name }
          }
        }
      }
      articles { edges { sentence node { slug } } }
    }
  }
}
`,
  },
  {
    comment:
      'Full-text search across articles, quotes, speakers, organizations and events, best first, with the matched words between <mark> and </mark>. Names match even misspelled or without accents: try "Sheinbam" or "MS13".',
    query: `query Search {
  search(query: "military force against cartels", first: 10) {
    totalCount
    edges {
      rank
      snippet
      node {
        __typename
        ... on Article { slug title }
        ... on Quote { text speaker { name } }
        ... on Speaker { slug name }
        ... on Organization { slug name aliases }
        ... on Event { slug title }
      }
    }
  }
  organizations(search: "MS13") { nodes { slug name aliases kind } }
  speakers(search: "Sheinbam") { nodes { slug name } }
}
`,
  },
  {
    comment: "The seed article, its paragraphs, and who and what it mentions. Any entity's `id` can be fetched back with node(id: ...).",
    query: `query Article {
  article(slug: "trump-orders-pentagon-military-force-cartels") {
    id
    title
    authors
    outlet
    publishedOn
    paragraphs { position startOffset endOffset text }
    speakers(first: 50) { totalCount edges { mention node { slug name kind } } }
    organizations(first: 50) { totalCount edges { mention node { slug name kind } } }
    events(first: 50) { totalCount edges { sentence node { slug title date { start end precision text } } } }
  }
}
`,
  },
];

/** `text` as `#` comment lines of at most COMMENT_WIDTH characters. */
export function commentLines(text: string, width = COMMENT_WIDTH): string {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line.length > 1 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return `${lines.join('\n')}\n`;
}

const tab = ({ comment, query, variables }: TabSource, preface?: string) => ({
  query: `${preface ? `${commentLines(preface)}#\n` : ''}${commentLines(comment)}${query}`,
  ...(variables ? { variables } : {}),
});

/** The tabs as GraphiQL gets them (without the corpus summary the page adds to the first). */
export const graphiqlTabs: { query: string; variables?: string }[] = TABS.map((t) => tab(t));

const SUMMARY = parse(
  'query CorpusSummary { articles { totalCount } speakers { totalCount } organizations { totalCount } quotes { totalCount } events { totalCount } }',
);
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One sentence on what the corpus holds, counted through the API itself. */
export async function corpusSummary(db: Database): Promise<string> {
  const result = await execute({ schema, document: SUMMARY, contextValue: createContext(db) });
  if (result.errors?.length || !result.data) throw new Error(`counting the corpus failed: ${result.errors?.[0]?.message}`);
  const count = (field: string) => (result.data![field] as { totalCount: number }).totalCount;
  return (
    `Verbatim: who said what in the news, and what happened when. This corpus holds ${plural(count('articles'), 'article')}, ` +
    `${plural(count('speakers'), 'speaker')}, ${plural(count('organizations'), 'organization')}, ` +
    `${plural(count('quotes'), 'quote')} and ${plural(count('events'), 'event')}. Docs (top left) describes every field.`
  );
}

/** JSON for inside a <script>: `<` escaped, so no string in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** GraphiQL's code, loaded at the first page view: ~75 MB resident a server nobody browses should not carry. */
async function loadAssets(): Promise<AssetBundle> {
  const g = await import('@graphql-yoga/render-graphiql/graphiql');
  const icon = /^data:([^;]+);base64,(.*)$/s.exec(g.favicon);
  const js = 'text/javascript; charset=utf-8';
  return new AssetBundle(GRAPHIQL_ASSETS, [
    { name: 'graphiql', ext: 'js', contentType: js, body: g.js },
    { name: 'graphiql', ext: 'css', contentType: 'text/css; charset=utf-8', body: g.css },
    { name: 'editor.worker', ext: 'js', contentType: js, body: g.editorWorkerService },
    { name: 'json.worker', ext: 'js', contentType: js, body: g.jsonWorker },
    { name: 'graphql.worker', ext: 'js', contentType: js, body: g.graphqlWorker },
    { name: 'favicon', ext: 'ico', contentType: icon?.[1] ?? 'image/x-icon', body: Buffer.from(icon?.[2] ?? '', 'base64') },
  ]);
}

function page(assets: AssetBundle, options: Record<string, unknown>): string {
  const workers = {
    editorWorkerService: assets.url('editor.worker.js'),
    json: assets.url('json.worker.js'),
    graphql: assets.url('graphql.worker.js'),
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Verbatim</title>
    <link rel="icon" href="${assets.url('favicon.ico')}" />
    <link rel="stylesheet" href="${assets.url('graphiql.css')}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript. The API itself is at /graphql (POST or GET).</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = { globalAPI: true, getWorkerUrl: (moduleId, label) => workers[label] };
      // Monaco does not wrap long lines by default: the example comments would run off the edge.
      // With globalAPI it announces itself on globalThis.monaco; then every editor wraps. Not at
      // once: asking for its editor service while it still loads would start its services before
      // all of them are registered.
      Object.defineProperty(globalThis, 'monaco', {
        configurable: true,
        set(api) {
          Object.defineProperty(globalThis, 'monaco', { value: api, writable: true, configurable: true });
          setTimeout(() => {
            const wrap = (editor) => editor.updateOptions({ wordWrap: 'on' });
            api.editor.getEditors().forEach(wrap);
            api.editor.onDidCreateEditor((editor) => setTimeout(() => wrap(editor)));
          });
        },
      });
    </script>
    <script src="${assets.url('graphiql.js')}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

export interface GraphiqlPluginOptions {
  db: Database;
  /** The corpus version: the summary is counted once per version (each time when unknown). */
  version: () => string | undefined;
  endpoint: string;
}

/** Serves the page at `endpoint` to browsers (GET with Accept: text/html), and its assets. */
export function graphiqlPlugin({ db, version, endpoint }: GraphiqlPluginOptions): Plugin {
  let assets: Promise<AssetBundle> | undefined;
  const load = () => (assets ??= loadAssets());
  let summary: { version: string; text: Promise<string> } | undefined;
  const summarize = (): Promise<string> => {
    const current = version();
    if (current === undefined) return corpusSummary(db);
    if (summary?.version !== current) {
      const text = corpusSummary(db);
      summary = { version: current, text };
      // A failure (database down) is not kept: the next view counts again.
      text.catch(() => summary?.text === text && (summary = undefined));
    }
    return summary.text;
  };
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname.startsWith(GRAPHIQL_ASSETS)) {
        endResponse(await (await load()).respond(request, url.pathname));
        return;
      }
      const atEndpoint = url.pathname === endpoint || url.pathname === `${endpoint}/`;
      if (!atEndpoint || request.method !== 'GET' || !request.headers.get('accept')?.includes('text/html')) return;
      const preface = await summarize().catch(() => 'The corpus could not be counted just now (is the database up?).');
      const [first, ...rest] = TABS;
      const tabs = [tab(first!, preface), ...rest.map((t) => tab(t))];
      const html = page(await load(), {
        title: 'Verbatim',
        endpoint,
        defaultEditorToolsVisibility: false,
        defaultTabs: tabs,
        // On a later visit GraphiQL restores the visitor's tabs and opens the one holding this
        // query (adding it when they changed it); without it, it would open an empty new tab.
        query: tabs[0]!.query,
      });
      const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
      // Revalidated on every visit (it names the current assets and counts); 304 while unchanged.
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', etag, vary: 'Accept' };
      const match = request.headers
        .get('if-none-match')
        ?.split(',')
        .some((tag) => tag.trim().replace(/^W\//, '') === etag);
      endResponse(match ? new Response(null, { status: 304, headers }) : new Response(html, { headers }));
    },
  };
}
