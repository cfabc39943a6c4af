/**
 * The server-side response cache: the exact bytes of answers to queries, in memory, keyed by the
 * corpus version and the request. The corpus only changes through migrations, so an answer
 * cannot go stale while its version is current; a migration changes the version, and with it
 * every key, and the old entries age out of the LRU.
 *
 * A hit is answered in `onRequest`, before anything is parsed, validated or executed: the key is
 * a sha256 of the request as it came (GET: its query parameters; POST: its body, read once and
 * handed on to yoga's parser on a miss) and the Accept header, so building it never walks the
 * request's JSON (variables nested thousands of arrays deep cost a hash, not a stack overflow).
 * Stored are the serialised body and its content type, captured as yoga serialises the answer,
 * and the LRU counts the bytes it really holds. Only answers of queries without errors, with the
 * version unchanged while they executed, are kept.
 *
 * Ours rather than @graphql-yoga/plugin-response-cache: that plugin keeps result objects (5–6×
 * their JSON length in heap), re-serialises them on every hit, hashes its key with asynchronous
 * WebCrypto over a recursive stable stringify of the variables, and looks up only after parsing.
 */
import { createHash } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { requestEtag } from './caching.js';
import type { Metrics } from './metrics.js';

/**
 * Where answers are kept: bytes by key. In memory here; a shared tier (Redis) can stand behind
 * the same two calls.
 */
export interface ResponseStore {
  get(key: string): Uint8Array | undefined | Promise<Uint8Array | undefined>;
  set(key: string, entry: Uint8Array): void | Promise<void>;
}

/**
 * What one entry costs besides its bytes: the ArrayBuffer and its view, the LRU's slots and the
 * key string (measured: tests/server/response-cache.test.ts holds the heap to the budget).
 */
const ENTRY_OVERHEAD = 320;

/** An LRU of entries bounded by the bytes they hold; an entry larger than the budget is not kept. */
export interface MemoryStore extends ResponseStore {
  get(key: string): Uint8Array | undefined;
  set(key: string, entry: Uint8Array): void;
  /** What its entries hold, overhead included. */
  readonly bytes: number;
}

export function memoryStore(maxBytes: number): MemoryStore {
  const entries = new LRUCache<string, Uint8Array>({
    maxSize: maxBytes,
    sizeCalculation: (entry, key) => entry.byteLength + 2 * key.length + ENTRY_OVERHEAD,
  });
  return {
    get: (key) => entries.get(key),
    set: (key, entry) => {
      entries.set(key, entry);
    },
    get bytes() {
      return entries.calculatedSize;
    },
  };
}

/** An entry: the content type, a newline, then the body, in one buffer of its own. */
export function encodeEntry(contentType: string, body: string): Uint8Array {
  const head = Buffer.byteLength(contentType, 'latin1') + 1;
  // allocUnsafeSlow: not a slice of Node's shared 8 kB pool, which a small entry would keep alive.
  const entry = Buffer.allocUnsafeSlow(head + Buffer.byteLength(body, 'utf8'));
  entry.write(contentType, 0, 'latin1');
  entry[head - 1] = 0x0a;
  entry.write(body, head, 'utf8');
  return entry;
}

export function decodeEntry(entry: Uint8Array): { contentType: string; body: Uint8Array } {
  const bytes = Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
  const newline = bytes.indexOf(0x0a);
  return { contentType: bytes.toString('latin1', 0, newline), body: bytes.subarray(newline + 1) };
}

/** The cache key of a request against a corpus version, or undefined when it cannot be cached. */
async function requestKey(request: Request, url: URL, version: string): Promise<{ key: string; body?: string } | undefined> {
  const accept = request.headers.get('accept') ?? '';
  if (request.method === 'GET') {
    if (!url.searchParams.has('query') && !url.searchParams.has('extensions')) return undefined; // GraphiQL's page
    return { key: requestEtag(version, url, accept) };
  }
  if (request.method !== 'POST' || !isJson(request.headers.get('content-type'))) return undefined;
  // Bounded: the body limit (src/server/limits.ts) has refused longer or unannounced bodies.
  const body = await request.text();
  const key = createHash('sha256').update(version).update('\0').update(accept).update('\0').update(body).digest('base64url');
  return { key, body };
}

function isJson(contentType: string | null): boolean {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json' || type === 'application/graphql+json';
}

interface Pending {
  key: string;
  version: string;
  /** The POST body, read here once and given to yoga's JSON parser. */
  body?: string | undefined;
  /** Set when the operation is a query whose result has no errors. */
  storable: boolean;
  /** The serialised answer, captured as yoga serialises it. */
  text?: string;
}

export interface ResponseCacheOptions {
  /** The corpus version now; while it is unknown nothing is cached or served from the cache. */
  version: () => string | undefined;
  store: ResponseStore & { readonly bytes?: number };
  graphqlEndpoint: string;
  /** Requests answered from the cache: the HTTP caching plugin gives them their ETag. */
  served: WeakSet<Request>;
  /** Told whether each lookup hit, and given the store's size, for /metrics. */
  metrics?: Metrics['responseCache'] | undefined;
}

export function responseCachePlugin({ version, store, graphqlEndpoint, served, metrics }: ResponseCacheOptions): Plugin {
  const pending = new WeakMap<Request, Pending>();
  metrics?.sizeFrom(() => store.bytes ?? 0);
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== graphqlEndpoint) return;
      const current = version();
      if (current === undefined) return;
      const found = await requestKey(request, url, current);
      if (!found) return;
      const entry = await store.get(found.key);
      metrics?.lookup(entry !== undefined);
      if (entry) {
        const { contentType, body } = decodeEntry(entry);
        served.add(request);
        const headers = { 'content-type': contentType, 'content-length': String(body.byteLength) };
        endResponse(new Response(body as BodyInit, { status: 200, headers }));
        return;
      }
      pending.set(request, { key: found.key, version: current, body: found.body, storable: false });
    },
    onRequestParse({ request, requestParser, setRequestParser }) {
      const body = pending.get(request)?.body;
      // yoga's JSON parser, given the body we already read (it only calls `json()`).
      if (body !== undefined && requestParser)
        setRequestParser(() => requestParser({ json: async () => JSON.parse(body) as unknown } as Request));
    },
    onExecute({ args }) {
      const entry = pending.get(args.contextValue.request);
      if (!entry || getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      return {
        onExecuteDone({ result }) {
          if (!(Symbol.asyncIterator in result) && !result.errors?.length) entry.storable = true;
        },
      };
    },
    onResultProcess({ request, result }) {
      const entry = pending.get(request);
      if (!entry?.storable || Array.isArray(result)) return;
      // yoga serialises with a result's own `stringify` when it has one: the text is kept as sent.
      Object.defineProperty(result, 'stringify', {
        value: (value: unknown) => (entry.text = JSON.stringify(value)),
        enumerable: false,
        configurable: true,
      });
    },
    onResponse({ request, response }) {
      const entry = pending.get(request);
      if (entry?.text === undefined || response.status !== 200) return;
      // The version moved while we executed: the answer may be either side of the migration.
      if (version() !== entry.version) return;
      const stored = store.set(
        entry.key,
        encodeEntry(response.headers.get('content-type') ?? 'application/json; charset=utf-8', entry.text),
      );
      // A store that cannot keep an answer loses that entry, nothing else.
      if (stored) stored.catch(() => {});
      entry.text = undefined;
    },
  };
}
