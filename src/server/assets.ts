/**
 * Static files served under a fixed prefix with their content hash in the URL, so they can be
 * cached for good (`immutable`): a new version is a new URL. Each is compressed once, brotli and
 * gzip, in the background (node:zlib's async calls run off the event loop), and sent in the best
 * encoding the request accepts.
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
  etag: string;
  bodies: Record<Encoding, Promise<Buffer>>;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/** Brotli 9: within 10 % of 11's size at a twentieth of its time (the GraphiQL bundle: ~0.8 s, once). */
const BROTLI_QUALITY = 9;

/** The encoding to send: brotli, else gzip, else none, as Accept-Encoding (with q-values) allows. */
export function chooseEncoding(acceptEncoding: string | null): Encoding {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(token, weight === undefined ? 1 : Number(weight));
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

export class AssetBundle {
  private readonly assets = new Map<string, Asset>();
  private readonly urls = new Map<string, string>();

  constructor(
    private readonly prefix: string,
    sources: AssetSource[],
  ) {
    for (const source of sources) {
      const body = typeof source.body === 'string' ? Buffer.from(source.body, 'utf8') : source.body;
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
      const url = `${prefix}${source.name}.${hash}.${source.ext}`;
      const size = { [constants.BROTLI_PARAM_SIZE_HINT]: body.length, [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY };
      // Started now, so they are ready (or nearly) when the page asks for them.
      const bodies = { identity: Promise.resolve(body), br: brotli(body, { params: size }), gzip: gzipped(body, { level: 9 }) };
      // A failure is reported to the request that awaits it, never as an unhandled rejection.
      for (const compressed of [bodies.br, bodies.gzip]) compressed.catch(() => {});
      this.urls.set(`${source.name}.${source.ext}`, url);
      this.assets.set(url, { contentType: source.contentType, etag: `"${hash}"`, bodies });
    }
  }

  /** The URL of `name.ext` (throws for a file the bundle does not hold: a programming error). */
  url(file: string): string {
    const url = this.urls.get(file);
    if (!url) throw new Error(`no asset ${file} in ${this.prefix}`);
    return url;
  }

  /** Whether `pathname` is this bundle's to answer (known or not: a stale hash gets 404). */
  owns(pathname: string): boolean {
    return pathname.startsWith(this.prefix);
  }

  async respond(request: Request, pathname: string): Promise<Response> {
    const asset = this.assets.get(pathname);
    if (!asset || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found\n', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
    const headers: Record<string, string> = {
      'content-type': asset.contentType,
      'cache-control': IMMUTABLE,
      etag: asset.etag,
      vary: 'Accept-Encoding',
    };
    // The URL names the content: a revalidation always matches (a browser's forced reload).
    if (request.headers.get('if-none-match')?.includes(asset.etag)) return new Response(null, { status: 304, headers });
    const encoding = chooseEncoding(request.headers.get('accept-encoding'));
    const body = await asset.bodies[encoding];
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = String(body.length);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  }
}
