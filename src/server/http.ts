/**
 * The listening side: node:http around the app, with slow clients and connection counts bounded;
 * /metrics on a port of its own when METRICS_PORT is set; the start-up line.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { metricsOf, type App } from './app.js';
import { metricsResponse } from './metrics.js';

/**
 * How often node:http looks for requests past their timeouts. Its default (30 s) would let a slow
 * client hold a connection up to 30 s past HEADERS_TIMEOUT_MS.
 */
const TIMEOUT_CHECK_MS = 500;
/** A refused connection is logged, then at most once per this many ms (with the count). */
const DROP_LOG_INTERVAL_MS = 10_000;

/** A node:http server with the request timeouts and the connection cap of `limits`. */
export function createHttpServer(handler: RequestListener, limits: Config['http'], logger?: Logger): Server {
  const server = createServer(
    {
      // Past either, node answers 408 and closes the connection.
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.bodyTimeoutMs,
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, limits.headersTimeoutMs),
    },
    handler,
  );
  // Beyond it node closes each new connection as it arrives ('drop').
  server.maxConnections = limits.maxConnections;
  let dropped = 0;
  let lastLog = -Infinity;
  server.on('drop', () => {
    dropped += 1;
    if (!logger || Date.now() - lastLog < DROP_LOG_INTERVAL_MS) return;
    lastLog = Date.now();
    logger.warn({ dropped }, `verbatim: refusing connections: MAX_CONNECTIONS (${limits.maxConnections}) are open`);
  });
  return server;
}

/** A port that cannot be taken: one line for the operator, said before anything else was touched. */
export class ListenError extends Error {
  override name = 'ListenError';
}

/** Listens; resolves with the port (PORT=0 picks one), rejects with a ListenError naming `variable`. */
export async function listenOn(server: Server, port: number, host: string, variable: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    const code = (error as { code?: unknown }).code;
    const where = `port ${port} on ${host}`;
    if (code === 'EADDRINUSE')
      throw new ListenError(`${where} is in use by another process: stop it, or set ${variable} (0 picks a free port)`);
    if (code === 'EACCES') throw new ListenError(`not allowed to listen on ${where}: set ${variable} to 1024 or above`);
    throw new ListenError(`cannot listen on ${where}: ${(error as Error).message}`);
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

export const originOf = (config: Config, port: number) => `http://${urlHost(config.host)}:${port}`;

export interface Listening {
  /** The API's base URL, e.g. http://127.0.0.1:4000 */
  origin: string;
  /** The metrics listener's base URL, when METRICS_PORT is set. */
  metricsOrigin: string | undefined;
  /** Stops accepting connections; calls back once every open one has finished. */
  close(callback: () => void): void;
  closeIdleConnections(): void;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Serves `app` (and its metrics, with METRICS_PORT) as `config` says, and prints where. */
export async function listen(
  app: App,
  config: Config,
  logger: Logger,
  about: { location: string; corpusVersion?: string | undefined },
): Promise<Listening> {
  const server = createHttpServer(app, config.http, logger);
  const origin = originOf(config, await listenOn(server, config.port, config.host, 'PORT'));
  return serveMetricsAndAnnounce(server, origin, app, config, logger, about);
}

/**
 * Once the API listens at `origin`: /metrics on its own port with METRICS_PORT, then the
 * start-up line. Split from listen() so main.ts can take the port before it opens the database.
 */
export async function serveMetricsAndAnnounce(
  api: Server,
  origin: string,
  app: App,
  config: Config,
  logger: Logger,
  about: { location: string; corpusVersion?: string | undefined },
): Promise<Listening> {
  const servers: Server[] = [api];
  let metricsOrigin: string | undefined;
  const metrics = metricsOf(app);
  if (metrics && config.metricsPort !== undefined) {
    const token = config.metricsToken;
    const server = createHttpServer(
      (req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        const answer =
          path === '/metrics' && req.method === 'GET'
            ? metricsResponse(metrics, req.headers.authorization, token)
            : Promise.resolve(new Response('Not found\n', { status: 404 }));
        void answer.then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        });
      },
      config.http,
      logger,
    );
    servers.push(server);
    metricsOrigin = originOf(config, await listenOn(server, config.metricsPort, config.host, 'METRICS_PORT'));
  }
  announce(config, logger, origin, metricsOrigin, about);
  return {
    origin,
    metricsOrigin,
    close(callback) {
      let open = servers.length;
      for (const server of servers) server.close(() => (open -= 1) === 0 && callback());
    },
    closeIdleConnections() {
      for (const server of servers) server.closeIdleConnections();
    },
  };
}

/**
 * The start-up line. On a terminal: one plain line with a URL a person can click (a wildcard
 * host shown as loopback, which is where that person's browser finds it). Otherwise the JSON log
 * line, for machines; its URL is followed by a space, so scripts find it.
 */
function announce(
  config: Config,
  logger: Logger,
  origin: string,
  metricsOrigin: string | undefined,
  about: { location: string; corpusVersion?: string | undefined },
): void {
  const graphiql = config.graphiql && !config.persistedOnly;
  if (process.stdout.isTTY) {
    const wildcard = config.host === '0.0.0.0' || config.host === '::';
    const local = wildcard ? origin.replace(urlHost(config.host), config.host === '::' ? '[::1]' : '127.0.0.1') : origin;
    const what = graphiql ? `open ${local}/graphql for GraphiQL` : `GraphQL API at ${local}/graphql`;
    const metrics = metricsOrigin ? `; metrics at ${metricsOrigin}/metrics` : '';
    const line = `Verbatim is running: ${what} (database: ${about.location}${metrics}). Ctrl-C stops it.\n`;
    // After the log lines before it (pino writes asynchronously).
    logger.flush(() => process.stdout.write(line));
    return;
  }
  logger.info(
    {
      corpusVersion: about.corpusVersion,
      persistedOnly: config.persistedOnly,
      graphiql,
      metrics: metricsOrigin ? `${metricsOrigin}/metrics` : undefined,
    },
    `Verbatim GraphQL API on ${origin}/graphql (${about.location})`,
  );
}
