/** The real processes: a bad DATABASE_URL fails fast with one clear line; the server starts and answers. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, runTsx } from '../helpers/process.js';

const tsx = path.join(root, 'node_modules/.bin/tsx');

const run = (script: string, env: Record<string, string>, timeoutMs = 20_000) => runTsx([script], { env, timeoutMs });

describe('a bad DATABASE_URL', () => {
  it('makes npm start exit non-zero with one line when the host is unreachable', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const r = await run('src/server/main.ts', { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/verbatim', PORT: '0' });
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot connect to PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/verbatim: connection refused/);
    expect(r.stderr).not.toContain('secret');
  });

  it('makes db:migrate exit non-zero with one line when the URL is not a postgres URL', async () => {
    const r = await run('src/db/cli.ts', { DATABASE_URL: 'mysql://localhost/x' });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toMatch(/DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('names a database that does not exist on the server', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = '/verbatim_no_such_database';
    const r = await run('src/db/cli.ts', { DATABASE_URL: url.toString() });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/database "verbatim_no_such_database" does not exist/);
  });
});

describe('npm start with no configuration', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verbatim-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates the embedded database, prints its URL and serves GraphQL', async () => {
    const child = spawn(tsx, ['src/server/main.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/\S+\/graphql)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});
