/**
 * The raw-SQL floor: a minimal node:http handler answering (a) and (b) with the same rows as the
 * API, straight from `postgres` in one statement each, no GraphQL. It speaks the API's request
 * shape (POST JSON {query name, variables}) so the same load generator drives both.
 *
 * Run as its own process (like the server) so its CPU time can be read from /proc.
 */
import { createServer } from 'node:http';
import postgres from 'postgres';
import { FLOOR_EVENTS_SQL, FLOOR_QUOTES_SQL } from './queries.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('floor: DATABASE_URL is not set');
// The same pool size and plan choice as the API's server connection (src/db/client.ts).
const sql = postgres(url, { max: 10, onnotice: () => {}, types: {}, connection: { plan_cache_mode: 'force_custom_plan' } });

type Body = { operationName?: string; variables?: Record<string, string | number> };

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body;
        const v = body.variables ?? {};
        let data: Record<string, unknown>;
        if (body.operationName === 'QuotesBySpeaker') {
          data = { quotes: { nodes: await sql.unsafe(FLOOR_QUOTES_SQL, [v.speaker as string, v.n as number], { prepare: true }) } };
        } else if (body.operationName === 'EventsInMonth') {
          data = {
            events: { nodes: await sql.unsafe(FLOOR_EVENTS_SQL, [v.from as string, v.to as string, v.n as number], { prepare: true }) },
          };
        } else {
          res.writeHead(400).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      }
    })();
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`floor listening on ${typeof address === 'object' && address ? address.port : '?'}`);
});
process.on('SIGTERM', () => server.close(() => void sql.end().then(() => process.exit(0))));
