/**
 * Tests that need something this machine may not have say so: `requires(missing)` skips a suite
 * or test and records why, and the run's summary lists the reasons (tests/setup/skip-reasons.ts).
 */
import { existsSync } from 'node:fs';
import type { TestOptions } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test was skipped (set by `requires`). */
    skipReason?: string;
  }
}

/** Why the tests that need a PostgreSQL server cannot run here, or undefined when they can. */
export const NO_SERVER_DATABASE = process.env.TEST_DATABASE_URL
  ? undefined
  : 'TEST_DATABASE_URL is not set (a PostgreSQL database URL; CI sets it): the tests that need a server were skipped';

export const CHROMIUM = '/usr/bin/chromium';
export const NO_CHROMIUM = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} not found (Debian's chromium: apt-get install -y chromium; .ci/run installs it): the browser test was skipped`;

/** Options for `describe`/`it`: skipped, with the reason recorded, when `missing` is set. */
export function requires(missing: string | undefined): TestOptions {
  return missing ? { skip: true, meta: { skipReason: missing } } : {};
}
