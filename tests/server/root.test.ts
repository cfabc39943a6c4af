/** `GET /`: a person who types the host lands on a page that leads to GraphiQL (or says why not). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { createApp } from '../../src/server/app.js';
import { rootPage } from '../../src/server/root.js';
import { listenApp } from '../helpers/listen.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({});
});
afterAll(() => handle.close());

const links = (html: string) => [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ href: m[1], title: m[2] }));

it('is a page linking to GraphiQL, which opens from there', async () => {
  const server = await listenApp(createApp({ db: handle.db, readiness: async () => ({ ready: true }) }));
  try {
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<title>Verbatim</title>');
    expect(links(html)).toEqual([
      { href: '/graphql', title: 'GraphiQL' },
      { href: '/articles', title: 'Articles' },
    ]);
    // Following the link as a browser does lands on GraphiQL.
    const graphiql = await fetch(new URL('/graphql', response.url), { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('renderYogaGraphiQL');
    expect((await fetch(`${server.origin}/`, { method: 'HEAD' })).status).toBe(200);
  } finally {
    await server.close();
  }
});

it('says why there is no GraphiQL when it is off', async () => {
  const server = await listenApp(createApp({ db: handle.db, config: defaultConfig({ graphiql: false }) }));
  try {
    const html = await (await fetch(`${server.origin}/`)).text();
    expect(links(html)).toEqual([{ href: '/articles', title: 'Articles' }]);
    expect(html).toContain('GraphiQL is off on this server: GRAPHIQL=false.');
  } finally {
    await server.close();
  }
});

it('lists every page it is given, in order, escaped', () => {
  const html = rootPage({
    graphqlEndpoint: '/graphql',
    pages: [
      { href: '/graphql', title: 'GraphiQL', description: 'queries' },
      { href: '/articles?x=1&y=2', title: 'Articles <all>', description: 'read them' },
    ],
  });
  expect(links(html)).toEqual([
    { href: '/graphql', title: 'GraphiQL' },
    { href: '/articles?x=1&#38;y=2', title: 'Articles &#60;all&#62;' },
  ]);
});
