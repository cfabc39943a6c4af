/**
 * The raw-SQL floor: a minimal node:http server answering (a), (b) and `{ __typename }` with the
 * API's `data` (bench/floor-answer.ts), straight from `postgres`, no GraphQL. It speaks the API's
 * request shape (POST JSON {query, variables, operationName}) so the same load drives both.
 *
 * Run as its own process (like the server) so its CPU time can be read from /proc.
 */
import { createServer } from 'node:http';
import postgres from 'postgres';
import { floorAnswer, type FloorRequest } from './floor-answer.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('floor: DATABASE_URL is not set');
// The same pool size and plan choice as the API's server connection (src/db/client.ts).
const sql = postgres(url, { max: 10, onnotice: () => {}, types: {}, connection: { plan_cache_mode: 'force_custom_plan' } });
const run = (text: string, params: (string | number)[]) => sql.unsafe(text, params, { prepare: true });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const data = await floorAnswer(run, JSON.parse(Buffer.concat(chunks).toString('utf8')) as FloorRequest);
        if (!data) {
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
