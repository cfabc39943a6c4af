/**
 * The server-side response cache: results of queries kept in memory, keyed by the corpus version
 * and the request (query text, variables, operation name). The corpus only changes through
 * migrations, so an answer cannot go stale while its version is current; a migration changes the
 * version, and with it every key, and the old entries age out of the LRU.
 *
 * @graphql-yoga/plugin-response-cache does the work (lookup before parsing, storing results
 * without errors); this module gives it a store bounded in bytes rather than in entries, since
 * one entry may be a 20-quote page or a hundred articles.
 */
import { type Cache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { SERVED_FROM_RESPONSE_CACHE } from './caching.js';
import type { Metrics } from './metrics.js';

export interface ResponseCacheOptions {
  /** The corpus version now; while it is unknown nothing is cached or served from the cache. */
  version: () => string | undefined;
  /** Bytes of results to keep (results are measured as their JSON). */
  maxBytes: number;
  /** Told whether each answer came from the cache, and given the store's size, for /metrics. */
  metrics?: Metrics['responseCache'] | undefined;
}

/** An LRU store of results, bounded by their JSON size. */
export function boundedStore(maxBytes: number, metrics?: Pick<Metrics['responseCache'], 'sizeFrom'>): Cache {
  const results = new LRUCache<string, ExecutionResult>({
    maxSize: maxBytes,
    // Stored once per miss; a result larger than the whole cache is simply not kept.
    sizeCalculation: (result) => Math.max(1, JSON.stringify(result).length),
  });
  metrics?.sizeFrom(() => results.calculatedSize);
  return {
    get: (key) => results.get(key),
    set: (key, result) => {
      results.set(key, result as ExecutionResult);
    },
    // Entity invalidation serves mutations; the corpus has none (it changes by migration, which
    // changes the version in every key).
    invalidate: () => {},
  };
}

export function responseCachePlugin({ version, maxBytes, metrics }: ResponseCacheOptions): Plugin {
  const cache: Plugin = useResponseCache({
    cache: boundedStore(maxBytes, metrics),
    // The "session" is the corpus version: one shared cache per version, never per user (the
    // API has no per-user data).
    session: () => version() ?? null,
    enabled: () => version() !== undefined,
    // Our own caching plugin owns ETag and Cache-Control (src/server/caching.ts); a result is
    // kept when it has no errors, and without the plugin's own HTTP headers.
    shouldCacheResult: ({ result }) => !result.errors?.length,
    includeExtensionMetadata: false,
  }) as Plugin;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(cache);
    },
    onResultProcess({ result }) {
      if (!Array.isArray(result) && version() !== undefined) {
        metrics?.lookup((result as Record<symbol, unknown>)[SERVED_FROM_RESPONSE_CACHE] === true);
      }
      // The plugin stamps every result it keeps with its own ETag and Last-Modified headers (the
      // cache key, the time it was stored); ours (src/server/caching.ts) are the ones clients
      // may rely on, and POST answers must carry none.
      const headers = Array.isArray(result)
        ? undefined
        : (result as ExecutionResult & { extensions?: { http?: { headers?: Record<string, string> } } }).extensions?.http?.headers;
      if (headers) {
        delete headers.ETag;
        delete headers['Last-Modified'];
      }
    },
  };
}
