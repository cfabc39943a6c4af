/**
 * HTTP caching, honestly: the corpus only changes through migrations, so a successful GET query's
 * answer is fully determined by the corpus version and the request. Such answers get
 * `Cache-Control: public, max-age=N, must-revalidate` and an ETag hashed from
 * (corpus version, query text, persisted hash, variables, operationName, Accept); a revalidation
 * whose If-None-Match still matches gets 304 without executing anything. A migration changes the
 * version, so every ETag changes with it.
 *
 * Everything else is `no-store`: POST (GraphQL over POST is not cacheable by HTTP caches anyway),
 * any response with errors, and any operation that is not a query. There are no mutations; if one
 * is ever added it falls under "not a query" and is never cached (and yoga refuses it over GET).
 */
import { createHash } from 'node:crypto';
import fresh from 'fresh';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface CachingOptions {
  /** The corpus version now (src/db/corpus-version.ts); undefined when unknown: nothing is cached. */
  version: () => string | undefined;
  /** Seconds a cache may serve the answer before revalidating. */
  maxAge: number;
  graphqlEndpoint: string;
  /**
   * Requests answered by the response cache (src/server/response-cache.ts) without executing: it
   * only ever stores a query's answer without errors, so they are cacheable.
   */
  servedFromCache?: WeakSet<Request>;
}

interface Candidate {
  etag: string;
  version: string;
  /** Set once the executed operation is known to be a query whose result has no errors. */
  cacheable: boolean;
}

/** The ETag of a GET request against a corpus version (weak: equal meaning, not bytes). */
export function requestEtag(version: string, url: URL, accept: string): string {
  const p = url.searchParams;
  // Each part length-prefixed by JSON quoting, so no two different requests hash the same input.
  const key = JSON.stringify([version, p.get('query'), p.get('extensions'), p.get('variables'), p.get('operationName'), accept]);
  return `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;
}

export function cachingPlugin({ version, maxAge, graphqlEndpoint, servedFromCache }: CachingOptions): Plugin {
  const candidates = new WeakMap<Request, Candidate>();
  const cacheControl = `public, max-age=${maxAge}, must-revalidate`;
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' || url.pathname !== graphqlEndpoint) return;
      if (!url.searchParams.has('query') && !url.searchParams.has('extensions')) return; // GraphiQL's page
      const current = version();
      if (current === undefined) return;
      const etag = requestEtag(current, url, request.headers.get('accept') ?? '');
      const ifNoneMatch = request.headers.get('if-none-match');
      // `fresh` implements RFC 9110's weak comparison, lists and `*`. It is not given the request's
      // Cache-Control: `no-cache` there asks *caches* to revalidate with the origin (RFC 9111
      // §5.2.1.4), and this is the origin revalidating (RFC 9110 §13.1.2). Fetch adds it to every
      // conditional request, so honouring it would send a fetch client the whole body every time.
      if (ifNoneMatch && fresh({ 'if-none-match': ifNoneMatch }, { etag })) {
        endResponse(new Response(null, { status: 304, headers: { etag, 'cache-control': cacheControl, vary: 'Accept' } }));
        return;
      }
      candidates.set(request, { etag, version: current, cacheable: false });
    },
    onExecute({ args }) {
      const candidate = candidates.get(args.contextValue.request);
      if (!candidate) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'query') return;
      return {
        onExecuteDone({ result }) {
          // A streamed result (an async iterable) is never cached.
          if (!(Symbol.asyncIterator in result) && !result.errors?.length) candidate.cacheable = true;
        },
      };
    },
    onResponse({ request, response }) {
      if (response.status === 304) return;
      const candidate = candidates.get(request);
      if (candidate && servedFromCache?.has(request)) candidate.cacheable = true;
      // The version moved while we executed: the answer may be either side of the migration.
      if (candidate?.cacheable && response.status === 200 && version() === candidate.version) {
        response.headers.set('cache-control', cacheControl);
        response.headers.set('etag', candidate.etag);
        response.headers.append('vary', 'Accept');
      } else if (!response.headers.has('cache-control')) {
        response.headers.set('cache-control', 'no-store');
      }
    },
  };
}
