/**
 * Requests from other sites' pages. A browser sends a cross-site POST without asking first (no
 * CORS preflight) only with a "simple" body type: form-encoded, multipart or text/plain. So only
 * JSON bodies execute, and those a browser sends cross-site only after a preflight we answer
 * (CORS_ORIGINS) or not at all. A cross-site GET runs queries only (there are no mutations, and
 * yoga refuses any over GET), reads a public corpus with no per-user data or cookies, and its
 * answer is unreadable to that page unless CORS allows it: nothing to guard.
 *
 * CORS is off by default (no Access-Control-* header anywhere); CORS_ORIGINS lists the origins
 * whose pages may read /graphql's answers, or `*` for any. Credentials are never allowed: the API
 * has no cookies or sessions to send.
 */
import type { Plugin } from 'graphql-yoga';

/**
 * The POST body types that execute: JSON, as the GraphQL over HTTP specification has it (and its
 * earlier drafts' application/graphql+json, which yoga parses too). application/graphql-response+json
 * is the type of answers, not of requests.
 */
const JSON_TYPES = new Set(['application/json', 'application/graphql+json']);

export const UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE';

/** The media type of a Content-Type header, lowercased and without parameters. */
const mediaType = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** POST bodies other than JSON get 415 with a coded error, before anything is read. */
export function jsonPostsOnly(graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'POST' || url.pathname !== graphqlEndpoint) return;
      const type = mediaType(request.headers.get('content-type'));
      if (JSON_TYPES.has(type)) return;
      const message = `POST bodies must be application/json${type ? `, not ${type}` : ' (the request has no Content-Type)'}; or send the query over GET.`;
      endResponse(
        new Response(JSON.stringify({ errors: [{ message, extensions: { code: UNSUPPORTED_MEDIA_TYPE } }] }), {
          status: 415,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}

/** Request headers a page may send; response headers it may read (beyond the always-readable ones). */
const ALLOWED_HEADERS = 'content-type, accept, x-request-id, if-none-match';
const EXPOSED_HEADERS = 'etag, x-request-id';
/** Seconds a browser may remember a preflight's answer. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * CORS for the GraphQL endpoint only (never /metrics, /health or GraphiQL), as `origins` allow:
 * empty, off; `['*']`, any origin (`Access-Control-Allow-Origin: *`); else those listed.
 */
export function corsPlugin(origins: readonly string[], graphqlEndpoint: string): Plugin {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  /** The Access-Control-Allow-Origin for this request, or undefined: no CORS headers at all. */
  const allowOrigin = (request: Request, url: URL): string | undefined => {
    if (url.pathname !== graphqlEndpoint) return undefined;
    const origin = request.headers.get('origin');
    if (!origin) return undefined;
    if (any) return '*';
    return allowed.has(origin) ? origin : undefined;
  };
  const vary = any ? undefined : 'Origin';
  return {
    onRequest({ request, url, endResponse }) {
      if (origins.length === 0 || request.method !== 'OPTIONS' || url.pathname !== graphqlEndpoint) return;
      const origin = allowOrigin(request, url);
      const headers: Record<string, string> = { 'content-length': '0', 'cache-control': 'no-store' };
      if (vary) headers.vary = vary;
      if (origin && request.headers.has('access-control-request-method')) {
        Object.assign(headers, {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': String(PREFLIGHT_MAX_AGE),
        });
      }
      // Refused: no Access-Control-* headers, so the browser does not send the request.
      endResponse(new Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      if (origins.length === 0) return;
      const url = new URL(request.url);
      const origin = allowOrigin(request, url);
      if (url.pathname === graphqlEndpoint && vary) response.headers.append('vary', vary);
      if (!origin) return;
      response.headers.set('access-control-allow-origin', origin);
      response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
    },
  };
}
