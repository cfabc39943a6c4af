/**
 * The servers the bench compares, and what each is asked: which scenarios each answers, the
 * request it is sent, and the check, before anything is timed, that it answers the API's rows.
 */
import path from 'node:path';
import { type Answer, assertSameRows } from './check.js';
import { POSTGRAPHILE_SERVER, postgraphileQuery } from './peers.js';
import type { Headline } from './queries.js';
import { type Server, startServer } from './servers.js';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * api: the server with its response cache off (every request executes); api-cached: the same
 * with it on (after a warm-up, every request is a hit); postgraphile: PostGraphile 5 on the same
 * database; floor: node:http + postgres, one prepared statement per answer.
 */
export const TARGETS = ['api', 'api-cached', 'postgraphile', 'floor'] as const;
export type TargetName = (typeof TARGETS)[number];

/** Which targets run which scenario: PostGraphile and the floor answer (a), (b) and __typename. */
export function targetsOf(h: Headline, withPeers: boolean): TargetName[] {
  const all: Record<string, TargetName[]> = {
    'a-heavy': ['api', 'api-cached', 'postgraphile', 'floor'],
    'a-light': ['api', 'api-cached', 'postgraphile', 'floor'],
    b: ['api', 'api-cached', 'postgraphile', 'floor'],
    typename: ['api', 'postgraphile', 'floor'],
  };
  return (all[h.key] ?? ['api', 'api-cached']).filter((t) => withPeers || t !== 'postgraphile');
}

export const operationOf = (h: Headline) => /query (\w+)/.exec(h.query)?.[1] ?? 'anonymous';

/** The POST body a target is sent for a headline, and how its answer maps onto the API's data. */
export function requestFor(h: Headline, target: TargetName): { body: string; toApi: (data: Record<string, unknown>) => unknown } {
  if (target === 'postgraphile') {
    const q = postgraphileQuery(h);
    if (!q) throw new Error(`PostGraphile has no query for ${h.key}`);
    return { body: JSON.stringify({ query: q.query, variables: q.variables, operationName: q.operationName }), toApi: q.toApi };
  }
  return { body: JSON.stringify({ query: h.query, variables: h.variables, operationName: operationOf(h) }), toApi: (data) => data };
}

export async function post(server: Server, body: string): Promise<{ text: string; json: Answer }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`${server.name}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return { text, json: JSON.parse(text) as Answer };
}

/**
 * Asks every target each scenario twice (the cached API: a miss, then a hit) and compares their
 * rows with the API's; returns the length of each target's answer, which a good answer under
 * load must have (a cheap check the load generator can afford on every response).
 */
export async function checkAnswers(picks: Headline[], servers: Map<TargetName, Server>, withPeers: boolean): Promise<Map<string, number>> {
  const lengths = new Map<string, number>();
  for (const h of picks) {
    const api = servers.get('api') as Server;
    const reference = (await post(api, requestFor(h, 'api').body)).json;
    if (reference.errors || !reference.data || !h.nonEmpty(reference.data))
      throw new Error(`${h.key}: the API answered no rows: ${JSON.stringify(reference).slice(0, 500)}`);
    for (const target of targetsOf(h, withPeers)) {
      const { body, toApi } = requestFor(h, target);
      const server = servers.get(target) as Server;
      const answers = [await post(server, body), await post(server, body)];
      for (const { json } of answers) {
        if (json.errors) throw new Error(`${h.key}: ${target} answered errors: ${JSON.stringify(json.errors).slice(0, 500)}`);
        assertSameRows(h.key, target, reference.data, toApi(json.data ?? {}));
      }
      const [first, second] = answers.map((a) => a.text.length);
      if (first === second) lengths.set(`${h.key}/${target}`, second as number);
    }
  }
  return lengths;
}

/** The server as deployed; the response cache is set per target. */
export const SERVER_ENV = { NODE_ENV: 'production', GRAPHIQL: 'false', PORT: '0', HOST: '127.0.0.1' };

/** Starts the targets one after another (not at once: start-up would compete for the cores). */
export async function startTargets(
  url: string,
  withPeers: boolean,
  logDir: string,
  logLevel: string,
  servers: Map<TargetName, Server>,
  prefix = '',
): Promise<void> {
  const tsx = ['--import', 'tsx'];
  const api = { ...SERVER_ENV, DATABASE_URL: url, LOG_LEVEL: logLevel };
  const specs: [TargetName, string[], Record<string, string>][] = [
    ['api', [...tsx, 'src/server/main.ts'], { ...api, RESPONSE_CACHE_MB: '0' }],
    ['api-cached', [...tsx, 'src/server/main.ts'], { ...api, RESPONSE_CACHE_MB: '64' }],
    ['postgraphile', [POSTGRAPHILE_SERVER], { NODE_ENV: 'production', PORT: '0', DATABASE_URL: url }],
    ['floor', [...tsx, 'bench/floor.ts'], { NODE_ENV: 'production', PORT: '0', DATABASE_URL: url }],
  ];
  for (const [name, args, env] of specs) {
    if (name === 'postgraphile' && !withPeers) continue;
    servers.set(name, await startServer(`${prefix}${name}`, args, env, { cwd: ROOT, logDir }));
  }
}
