/**
 * PostGraphile 5 as the bench runs it: library mode on node:http, the Amber preset, production
 * settings (no GraphiQL, no watch, no explain), a pool of 10 like the API's. Exposes `public`
 * (the corpus) and `bench_peers` (the function (b) is asked through; installed by the bench).
 *
 * Plain JavaScript so the project's typecheck does not need this folder's node_modules.
 * Prints `postgraphile listening on <port>` once it serves.
 */
/* global process, console */
import './polyfill.js';
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('postgraphile: DATABASE_URL is not set');

// The API keeps its 10 connections open; pg's pool would close idle ones after 10 s (and
// reconnect on the next round of the bench), so keep them too.
const pool = new pg.Pool({ connectionString, max: 10, idleTimeoutMillis: 0 });

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public', 'bench_peers'] })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, websockets: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
await pgl.getSchema(); // introspect before saying we listen, so the first request is not the slow one
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`postgraphile listening on ${typeof address === 'object' && address ? address.port : '?'}`);
});
// Stop listening, release PostGraphile and the pool, exit 0 even if releasing fails (said on stderr).
process.on('SIGTERM', () =>
  server.close(() =>
    Promise.resolve(pgl.release())
      .then(() => pool.end())
      .catch((error) => console.error(error))
      .finally(() => process.exit(0)),
  ),
);
