/** The real processes: a bad DATABASE_URL fails fast with one clear line; the server starts and answers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, startServer } from '../helpers/process.js';
import { NO_SERVER_DATABASE, requires } from '../helpers/skip.js';

describe('a bad DATABASE_URL', () => {
  it('makes db:migrate exit non-zero with one line when nothing listens there', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const r = await run('src/db/cli.ts', [], { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/verbatim' });
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot connect to PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/verbatim: connection refused/);
    expect(r.stderr).not.toContain('secret');
  });

  it('makes db:migrate exit non-zero with one line when the URL is not a postgres URL', async () => {
    const r = await run('src/db/cli.ts', [], { DATABASE_URL: 'mysql://localhost/x' });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toMatch(/^verbatim: invalid configuration:\n\s+DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//);
  });

  it('makes npm start exit non-zero naming every bad setting', async () => {
    const r = await run('src/server/main.ts', [], {
      PORT: 'eighty',
      LIMIT_DEPTH: '-1',
      GRAPHIQL: 'maybe',
      LOG_LEVEL: 'loud',
      PERSISTED_ONLY: 'sometimes',
      CACHE_MAX_AGE: '-5',
      METRICS: 'perhaps',
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/PORT: must be a number/);
    expect(r.stderr).toMatch(/LIMIT_DEPTH: must be positive/);
    expect(r.stderr).toMatch(/GRAPHIQL: must be true or false/);
    expect(r.stderr).toMatch(/^\s+LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)$/m);
    expect(r.stderr).toMatch(/^\s+PERSISTED_ONLY: must be true or false \(got "sometimes"\)$/m);
    expect(r.stderr).toMatch(/^\s+CACHE_MAX_AGE: must be 0 or more \(got "-5"\)$/m);
    expect(r.stderr).toMatch(/^\s+METRICS: must be true or false \(got "perhaps"\)$/m);
    // One line per problem, after the heading; nothing else (no stack).
    expect(r.stderr.trim().split('\n')).toHaveLength(8);
  });

  it('names a database that does not exist, for npm start and db:migrate', requires(NO_SERVER_DATABASE), async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = '/verbatim_no_such_database';
    for (const script of ['src/db/cli.ts', 'src/server/main.ts']) {
      const r = await run(script, [], { DATABASE_URL: url.toString(), PORT: '0' });
      expect(r.code, script).not.toBe(0);
      expect(r.stderr.trim().split('\n'), script).toHaveLength(1);
      expect(r.stderr, script).toMatch(/database "verbatim_no_such_database" does not exist/);
    }
  });
});

describe('npm start with no configuration', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verbatim-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates the embedded database, prints its URL and serves GraphQL', async () => {
    const server = await startServer({ DATABASE_URL: '', DATA_DIR: dataDir });
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
      expect((await fetch(new URL('/ready', server.url))).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 90_000);
});
