/** The real processes: a bad DATABASE_URL fails fast with one clear line; the server starts and answers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync, spawn } from 'node:child_process';
import { root, run, startServer } from '../helpers/process.js';
import { NO_SERVER_DATABASE, requires } from '../helpers/skip.js';

const NO_SCRIPT = spawnSync('script', ['--version']).error
  ? '`script` (util-linux) not found: the terminal start-up line was not tested'
  : undefined;

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
      // Not a terminal: the start-up line is a JSON log line, for machines.
      const line = server
        .output()
        .split('\n')
        .find((l) => l.includes(server.url));
      expect(JSON.parse(line!)).toMatchObject({ level: 30, msg: expect.stringContaining(`${server.url} `) as unknown });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 90_000);

  it(
    'prints one plain line with a URL to click on a terminal, and one clear line on a port clash',
    { ...requires(NO_SCRIPT), timeout: 120_000 },
    async () => {
      // `script` runs the server on a pseudo-terminal, as a person's shell does.
      const child = spawn('script', ['-qfec', `${path.join(root, 'node_modules/.bin/tsx')} src/server/main.ts`, '/dev/null'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
        detached: true,
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      const stop = () => process.kill(-child.pid!, 'SIGTERM');
      try {
        // A pseudo-terminal ends lines with \r\n.
        await expect.poll(() => out, { timeout: 60_000, interval: 200 }).toMatch(/Verbatim is running: [^\r\n]*\r?\n/);
        const line = out.split(/\r?\n/).find((l) => l.startsWith('Verbatim is running'))!;
        const url = /(http:\/\/127\.0\.0\.1:\d+\/graphql) for GraphiQL/.exec(line)?.[1];
        expect(line, line).toMatch(
          /^Verbatim is running: open http:\/\/127\.0\.0\.1:\d+\/graphql for GraphiQL \(database: .+\)\. Ctrl-C stops it\.$/,
        );
        // The link leads where it says; and nothing on the terminal is a JSON start-up line.
        expect(await (await fetch(url!, { headers: { accept: 'text/html' } })).text()).toContain('renderYogaGraphiQL');
        expect(out).not.toMatch(/"msg":"Verbatim GraphQL API/);

        // A database that is down does not stop the start (it is reported), so this one gets to the port at once.
        const port = new URL(url!).port;
        const clash = await run('src/server/main.ts', [], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/verbatim', PORT: port });
        expect(clash.code).toBe(1);
        expect(clash.stderr.trim()).toBe(
          `verbatim: port ${port} on 127.0.0.1 is in use by another process: stop it, or set PORT (0 picks a free port)`,
        );
      } finally {
        stop();
      }
    },
  );
});
