/**
 * Cross-site requests, through Node's fetch against a listening server: only JSON POST bodies
 * execute (the body types a browser sends cross-site without a preflight get 415); CORS is off
 * unless CORS_ORIGINS allows origins, and never allows credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { createApp } from '../../src/server/app.js';
import { listenApp, type Listening } from '../helpers/listen.js';

const QUERY = '{ articles(first: 1) { totalCount } }';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({});
  await migrate(handle.db);
});
afterAll(() => handle.close());

async function serve(config: Partial<Config>): Promise<Listening> {
  return listenApp(createApp({ db: handle.db, config: defaultConfig(config), readiness: async () => ({ ready: true }) }));
}

describe('POST bodies', () => {
  let server: Listening;
  beforeAll(async () => (server = await serve({})));
  afterAll(() => server.close());
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${server.origin}/graphql`, { method: 'POST', body, headers: { accept: 'application/graphql-response+json', ...headers } });

  it('execute as JSON (with or without parameters, either JSON type)', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/graphql+json']) {
      const response = await post(JSON.stringify({ query: QUERY }), { 'content-type': type });
      expect(response.status, type).toBe(200);
      expect(((await response.json()) as { data: unknown }).data, type).toEqual({ articles: { totalCount: 1 } });
    }
  });

  // What a page on another site can make a browser send without a preflight, each carrying the
  // query the way its encoding would (form fields, a multipart part, raw JSON text); and other types.
  const form = new FormData();
  form.set('query', QUERY);
  form.set('operations', JSON.stringify({ query: QUERY }));
  const refused: [string, () => Promise<Response>][] = [
    ['application/x-www-form-urlencoded', () => post(new URLSearchParams({ query: QUERY }))],
    ['multipart/form-data', () => post(form)],
    ['text/plain', () => post(JSON.stringify({ query: QUERY }))],
    ['application/graphql', () => post(QUERY, { 'content-type': 'application/graphql' })],
    // The type of answers, not of requests.
    [
      'application/graphql-response+json',
      () => post(JSON.stringify({ query: QUERY }), { 'content-type': 'application/graphql-response+json' }),
    ],
    ['none', () => post(new Blob([JSON.stringify({ query: QUERY })]))],
  ];
  for (const [type, send] of refused) {
    it(`is refused with 415 and a coded error when ${type}`, async () => {
      const response = await send();
      expect(response.status).toBe(415);
      const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0]!.extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(body.errors[0]!.message).toContain(type === 'none' ? 'no Content-Type' : `not ${type}`);
    });
  }
});

const accessControl = (response: Response) => [...response.headers.keys()].filter((h) => h.startsWith('access-control-'));

const preflight = (server: Listening, origin: string, path = '/graphql') =>
  fetch(`${server.origin}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

const crossSitePost = (server: Listening, origin: string) =>
  fetch(`${server.origin}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', cookie: 'session=1' },
    body: JSON.stringify({ query: QUERY }),
  });

describe('CORS', () => {
  it('is off by default: no Access-Control-* header on any answer, preflights included', async () => {
    const server = await serve({});
    try {
      const origin = 'https://elsewhere.example';
      expect(accessControl(await preflight(server, origin))).toEqual([]);
      expect(accessControl(await crossSitePost(server, origin))).toEqual([]);
      for (const path of ['/metrics', '/health', '/graphql?query=%7B__typename%7D']) {
        expect(accessControl(await fetch(`${server.origin}${path}`, { headers: { origin } })), path).toEqual([]);
      }
    } finally {
      await server.close();
    }
  });

  it('lets the listed origins read /graphql (never with credentials), and nobody else, nor /metrics', async () => {
    const allowed = 'https://app.example';
    const server = await serve({ corsOrigins: [allowed, 'http://localhost:3000'] });
    try {
      const ok = await preflight(server, allowed);
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(ok.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(ok.headers.get('access-control-allow-headers')).toContain('content-type');
      expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
      const answer = await crossSitePost(server, allowed);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      expect(answer.headers.get('vary')).toMatch(/Origin/);

      const other = 'https://evil.example';
      expect(accessControl(await preflight(server, other))).toEqual([]);
      expect(accessControl(await crossSitePost(server, other))).toEqual([]);
      expect(accessControl(await fetch(`${server.origin}/metrics`, { headers: { origin: allowed } }))).toEqual([]);
      expect(accessControl(await preflight(server, allowed, '/metrics'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('with CORS_ORIGINS=* allows any origin as a literal *, without credentials', async () => {
    const server = await serve({ corsOrigins: ['*'] });
    try {
      const answer = await crossSitePost(server, 'https://any.example');
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      expect((await preflight(server, 'https://any.example')).headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await server.close();
    }
  });

  it('CORS_ORIGINS is validated: origins only, * alone', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).corsOrigins).toEqual([
      'https://a.example',
      'http://localhost:3000',
    ]);
    expect(loadConfig({}).corsOrigins).toEqual([]);
    for (const bad of ['https://a.example/', 'https://a.example/path', 'a.example', '*, https://a.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(ConfigError);
    }
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/' })).toThrow(/CORS_ORIGINS: "https:\/\/a\.example\/" is not an origin/);
  });
});
