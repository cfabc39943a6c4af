/** A run's summary says why tests were skipped, whichever reporter the run uses (CI's verbose too). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { root } from '../helpers/process.js';

function runFixtures(env: Record<string, string | undefined>, reporter: string[]): string {
  const { TEST_DATABASE_URL: _unset, ...inherited } = process.env;
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/vitest'),
    ['run', '--config', 'tests/setup/fixtures/vitest.config.ts', ...reporter],
    { cwd: root, env: { ...inherited, ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 60_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

for (const reporter of [[], ['--reporter=verbose'], ['--reporter=dot']]) {
  it(`prints each reason with its files after the summary (${reporter[0] ?? 'default reporter'})`, () => {
    const out = runFixtures({}, reporter);
    const summary = out.slice(out.lastIndexOf('Tests '));
    expect(summary).toContain(
      ' Skipped 2 tests: the gadget is not installed (apt-get install gadget)\n   tests/setup/fixtures/skips.fixture.ts (2)',
    );
    expect(summary).toMatch(/ Skipped 1 test: TEST_DATABASE_URL is not set .*\n {3}tests\/setup\/fixtures\/skips\.fixture\.ts \(1\)/);
    expect(summary).toContain(' 1 database test ran on PGlite only: set TEST_DATABASE_URL to run each on PostgreSQL too.');
  });
}

it('says nothing about the server database when TEST_DATABASE_URL is set', () => {
  const out = runFixtures({ TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/unused' }, []);
  expect(out).toContain(' Skipped 2 tests: the gadget is not installed');
  expect(out).not.toContain('TEST_DATABASE_URL');
});
