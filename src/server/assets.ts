/**
 * Static files served under a fixed prefix with their content hash in the URL, so they can be
 * cached for good (`immutable`): a new version is a new URL. Each is compressed once, gzip and
 * brotli, in the background (node:zlib's async calls run off the event loop), and sent in the best
 * encoding the request accepts that is ready.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export interface AssetSource {
  /** File name before the hash, e.g. `graphiql`. */
  name: string;
  /** Extension, e.g. `js`. */
  ext: string;
  contentType: string;
  body: string | Buffer;
}

type Encoding = 'br' | 'gzip' | 'identity';

interface Asset {
  contentType: string;
  hash: string;
  bodies: Record<Encoding, Promise<Buffer>>;
  /** The encodings compressed already. */
  ready: Set<Encoding>;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/**
 * Brotli 5: GraphiQL's 5 MB script compresses in ~1 s (quality 9: ~3.6 s, 11: ~14 s, on this
 * 2-core machine) to within 5 % of quality 9's size. Until it is ready gzip (~0.1 s) is sent.
 */
const BROTLI_QUALITY = 5;

/** The compressed encodings the request accepts (Accept-Encoding, with q-values), best first. */
export function acceptedEncodings(acceptEncoding: string | null): ('br' | 'gzip')[] {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(token, weight === undefined ? 1 : Number(weight));
  }
  return (['br', 'gzip'] as const).filter((name) => (q.get(name) ?? q.get('*') ?? 0) > 0);
}

export class AssetBundle {
  private readonly assets = new Map<string, Asset>();
  private readonly urls = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    sources: AssetSource[],
  ) {
    // Started now, so they are ready (or nearly) when the page asks for them: gzip at once (it
    // is quick), brotli after, one file at a time, leaving the other cores to requests.
    let brotliQueue: Promise<unknown> = Promise.resolve();
    for (const source of sources) {
      const body = typeof source.body === 'string' ? Buffer.from(source.body, 'utf8') : source.body;
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
      const url = `${prefix}${source.name}.${hash}.${source.ext}`;
      const params = { [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY };
      const gz = gzipped(body);
      const br = brotliQueue.then(() => brotli(body, { params }));
      brotliQueue = br.catch(() => {});
      const bodies = { identity: Promise.resolve(body), br, gzip: gz };
      const ready = new Set<Encoding>(['identity']);
      for (const encoding of ['br', 'gzip'] as const) {
        // A failure is reported to the request that awaits it, never as an unhandled rejection.
        bodies[encoding].then(() => ready.add(encoding)).catch(() => {});
      }
      this.urls.set(`${source.name}.${source.ext}`, url);
      this.assets.set(url, { contentType: source.contentType, hash, bodies, ready });
    }
  }

  /** The URL of `name.ext` (throws for a file the bundle does not hold: a programming error). */
  url(file: string): string {
    const url = this.urls.get(file);
    if (!url) throw new Error(`no asset ${file} in ${this.prefix}`);
    return url;
  }

  async respond(request: Request, pathname: string): Promise<Response> {
    const asset = this.assets.get(pathname);
    if (!asset || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found\n', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    const headers: Record<string, string> = { 'content-type': asset.contentType, 'cache-control': IMMUTABLE, vary: 'Accept-Encoding' };
    // The URL names the content, so any of its tags still matches (a browser's forced reload).
    if (request.headers.get('if-none-match')?.includes(`"${asset.hash}`)) return new Response(null, { status: 304, headers });
    // The best accepted encoding that is ready, else the quickest to make (gzip), else none.
    const accepted = acceptedEncodings(request.headers.get('accept-encoding'));
    const encoding: Encoding = accepted.find((e) => asset.ready.has(e)) ?? accepted.at(-1) ?? 'identity';
    const body = await asset.bodies[encoding];
    // One tag per representation, as Vary makes them distinct.
    headers.etag = `"${asset.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = String(body.length);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  }
}
