/** Environment → typed, validated settings. Every problem is reported at once, one line each. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const portSchema = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

/** Limits on one request; see src/server/limits.ts for how each is enforced. */
export interface Limits {
  /** Deepest field nesting. */
  depth: number;
  /** Aliased fields in one operation. */
  aliases: number;
  /** Estimated cost: every field costs 1, page sizes multiply what is under them. */
  cost: number;
  /** Lexical tokens in the document. */
  tokens: number;
  /** Directives in one operation. */
  directives: number;
  /** Bytes of a request body. */
  bodyBytes: number;
  /** Operations in one batched request. */
  batch: number;
  /** Bytes of one operation's `data` as JSON (UTF-8), checked before it is serialised. */
  responseBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  depth: 15,
  aliases: 30,
  cost: 50_000,
  tokens: 3_000,
  directives: 30,
  bodyBytes: 100_000,
  batch: 10,
  responseBytes: 10_000_000,
};

const positiveInt = (fallback: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').positive('must be positive').default(fallback);

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));
const flag = (fallback: boolean) => boolean.default(fallback);

/** `*`, or a comma-separated list of origins (`https://app.example`, `http://localhost:3000`). */
const originList = z
  .string()
  .trim()
  .transform((v) =>
    v
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .superRefine((origins, ctx) => {
    if (origins.includes('*') && origins.length > 1) ctx.addIssue({ code: 'custom', message: '* allows every origin: use it alone' });
    for (const origin of origins) {
      if (origin === '*') continue;
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        // reported below
      }
      if (!parsed || parsed.origin !== origin) {
        ctx.addIssue({
          code: 'custom',
          message: `${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path or trailing slash)`,
        });
      }
    }
  });

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .min(1, 'is empty')
      .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().trim().min(1, 'is empty').default('.data/pglite'),
    VERBATIM_MIGRATIONS_DIR: z
      .string()
      .trim()
      .min(1, 'is empty')
      .default(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations')),
    PORT: portSchema.default(4000),
    HOST: z.string().trim().min(1, 'is empty').default('127.0.0.1'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    // Unset: on in development, off with NODE_ENV=production.
    GRAPHIQL: boolean.optional(),
    INTROSPECTION: boolean.optional(),
    CORS_ORIGINS: originList.default([]),
    LIMIT_DEPTH: positiveInt(DEFAULT_LIMITS.depth),
    LIMIT_ALIASES: positiveInt(DEFAULT_LIMITS.aliases),
    LIMIT_COST: positiveInt(DEFAULT_LIMITS.cost),
    LIMIT_TOKENS: positiveInt(DEFAULT_LIMITS.tokens),
    LIMIT_DIRECTIVES: positiveInt(DEFAULT_LIMITS.directives),
    LIMIT_BODY_BYTES: positiveInt(DEFAULT_LIMITS.bodyBytes),
    LIMIT_BATCH: positiveInt(DEFAULT_LIMITS.batch),
    LIMIT_RESPONSE_BYTES: positiveInt(DEFAULT_LIMITS.responseBytes),
    REQUEST_TIMEOUT_MS: positiveInt(5_000),
    SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    PERSISTED_ONLY: flag(false),
    CACHE_MAX_AGE: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number of seconds')
      .min(0, 'must be 0 or more')
      .max(31_536_000, 'must be at most a year (31536000)')
      .default(60),
    METRICS: flag(true),
    METRICS_PORT: portSchema.optional(),
    METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
    HEADERS_TIMEOUT_MS: positiveInt(5_000),
    BODY_TIMEOUT_MS: positiveInt(10_000),
    MAX_CONNECTIONS: positiveInt(1_000),
    RESPONSE_CACHE_MB: z.coerce
      .number({ error: 'must be a number' })
      .min(0, 'must be 0 (off) or more')
      .max(65_536, 'must be at most 65536')
      .default(64),
  })
  .superRefine((e, ctx) => {
    if (e.HEADERS_TIMEOUT_MS > e.BODY_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['HEADERS_TIMEOUT_MS'],
        message: `must not exceed BODY_TIMEOUT_MS (${e.BODY_TIMEOUT_MS})`,
      });
    }
    if (e.METRICS_PORT !== undefined && e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT) {
      ctx.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'must differ from PORT' });
    }
  });

export interface Config {
  /** Set: the real server through `postgres`. Unset: embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The migrations the embedded server applies at start and while it runs. */
  migrationsDir: string;
  port: number;
  host: string;
  /**
   * NODE_ENV=production: GraphiQL and introspection off unless turned on, no "Did you mean"
   * suggestions and no parser details in errors.
   */
  production: boolean;
  /** Serve GraphiQL at /graphql to browsers (never with persistedOnly). */
  graphiql: boolean;
  introspection: boolean;
  /** Origins allowed to read answers cross-site (CORS); empty: CORS off; ['*']: any, without credentials. */
  corsOrigins: readonly string[];
  limits: Limits;
  /**
   * Milliseconds of database time one operation may take, from its start: past it, its running
   * statements are cancelled and the rest refused (REQUEST_TIMEOUT).
   */
  requestTimeoutMs: number;
  /** How long in-flight requests may take to finish on SIGTERM/SIGINT. */
  shutdownTimeoutMs: number;
  /** pino's level for the JSON logs on stdout; `silent` turns them off. */
  logLevel: LogLevel;
  /** Refuse any operation that is not in operations/manifest.json (by its sha256 hash). */
  persistedOnly: boolean;
  /** Seconds a successful GET query may be served from a cache before revalidating. */
  cacheMaxAge: number;
  /** Serve Prometheus metrics at /metrics. */
  metrics: boolean;
  /** Serve /metrics on this port only (not on `port`); undefined: on `port`. */
  metricsPort: number | undefined;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** Slow clients and connection counts (node:http). */
  http: {
    /** A request's headers must have arrived within this many ms of its first byte. */
    headersTimeoutMs: number;
    /** The whole request (headers and body) must have arrived within this many ms (BODY_TIMEOUT_MS). */
    bodyTimeoutMs: number;
    /** Open connections at most; more are closed as they arrive. */
    maxConnections: number;
  };
  /**
   * Megabytes of answers kept in memory, keyed by corpus version and request, counted as the bytes
   * held (body, headers, key); 0 turns it off.
   */
  responseCacheMb: number;
}

/** Settings for tests and embedding: the defaults, with overrides. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads settings from the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    migrationsDir: path.resolve(e.VERBATIM_MIGRATIONS_DIR),
    port: e.PORT,
    host: e.HOST,
    production,
    graphiql: e.GRAPHIQL ?? !production,
    introspection: e.INTROSPECTION ?? !production,
    corsOrigins: e.CORS_ORIGINS,
    limits: {
      depth: e.LIMIT_DEPTH,
      aliases: e.LIMIT_ALIASES,
      cost: e.LIMIT_COST,
      tokens: e.LIMIT_TOKENS,
      directives: e.LIMIT_DIRECTIVES,
      bodyBytes: e.LIMIT_BODY_BYTES,
      batch: e.LIMIT_BATCH,
      responseBytes: e.LIMIT_RESPONSE_BYTES,
    },
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    persistedOnly: e.PERSISTED_ONLY,
    cacheMaxAge: e.CACHE_MAX_AGE,
    metrics: e.METRICS,
    metricsPort: e.METRICS_PORT,
    metricsToken: e.METRICS_TOKEN,
    http: { headersTimeoutMs: e.HEADERS_TIMEOUT_MS, bodyTimeoutMs: e.BODY_TIMEOUT_MS, maxConnections: e.MAX_CONNECTIONS },
    responseCacheMb: e.RESPONSE_CACHE_MB,
  };
}

/** Every environment variable the server reads (the README's Configuration table lists each). */
export const SETTINGS = Object.keys(envSchema.shape);
