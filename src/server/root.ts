/**
 * `GET /`: where a person who types the host lands. A short page linking to what this server
 * serves to people: GraphiQL and the articles' reader view (src/review/).
 */
import type { Plugin } from 'graphql-yoga';

export interface PageLink {
  href: string;
  title: string;
  /** One line on what a person finds there. */
  description: string;
}

export interface RootPageOptions {
  /** The pages, in the order they are listed. */
  pages: PageLink[];
  graphqlEndpoint: string;
  /** Why GraphiQL is not among the pages, when it is not (shown instead of its link). */
  graphiqlOff?: string | undefined;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function rootPage({ pages, graphqlEndpoint, graphiqlOff }: RootPageOptions): string {
  const items = pages.map((p) => `      <li><a href="${escape(p.href)}">${escape(p.title)}</a>: ${escape(p.description)}</li>`);
  if (graphiqlOff) items.push(`      <li>GraphiQL is off on this server: ${escape(graphiqlOff)}.</li>`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Verbatim</title>
    <style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }</style>
  </head>
  <body>
    <h1>Verbatim</h1>
    <p>A GraphQL API over a corpus of news articles: who said what, and what happened when.</p>
    <ul>
${items.join('\n')}
    </ul>
    <p>The API: <code>POST</code> or <code>GET ${escape(graphqlEndpoint)}</code> (GraphQL over HTTP, JSON bodies).</p>
  </body>
</html>
`;
}

export function rootPagePlugin(options: RootPageOptions): Plugin {
  const html = rootPage(options);
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/' || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      endResponse(
        new Response(request.method === 'HEAD' ? null : html, {
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
        }),
      );
    },
  };
}
