/**
 * A line in every run's summary for each reason tests were skipped, with the files, and a note when
 * the database tests ran on PGlite only. Added as a plugin (vitest.config.ts), so it reports
 * whatever `--reporter` a run chooses (CI's `--reporter=verbose` too).
 */
import path from 'node:path';
import type { Reporter, TestCase, TestModule, TestSuite, VitestPluginContext } from 'vitest/node';
import { NO_SERVER_DATABASE } from '../helpers/skip.js';

/** The reason recorded on the test or a suite around it, else what its name says. */
function reasonOf(test: TestCase): string {
  for (let task: TestCase | TestSuite | TestModule = test; task.type !== 'module'; task = task.parent) {
    const reason = task.meta().skipReason;
    if (reason) return reason;
  }
  // Tests named "[postgres]" run on the server only, and say so in their name.
  if (NO_SERVER_DATABASE && test.fullName.includes('[postgres]')) return NO_SERVER_DATABASE;
  return 'no reason recorded (skipped with .skip, .skipIf or .todo)';
}

export class SkipReasonsReporter implements Reporter {
  constructor(private readonly print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byReason = new Map<string, Map<string, number>>();
    let pgliteOnly = 0;
    for (const module of modules) {
      const file = path.relative(process.cwd(), module.moduleId);
      for (const test of module.children.allTests()) {
        if (test.fullName.includes('[pglite]')) pgliteOnly += 1;
        if (test.result().state !== 'skipped' || test.options.mode === 'todo') continue;
        const files = byReason.get(reasonOf(test)) ?? new Map<string, number>();
        files.set(file, (files.get(file) ?? 0) + 1);
        byReason.set(reasonOf(test), files);
      }
    }
    if (byReason.size === 0 && !(NO_SERVER_DATABASE && pgliteOnly > 0)) return;
    this.print('');
    for (const [reason, files] of byReason) {
      const count = [...files.values()].reduce((a, b) => a + b, 0);
      this.print(` Skipped ${count} test${count === 1 ? '' : 's'}: ${reason}`);
      this.print(`   ${[...files].map(([file, n]) => `${file} (${n})`).join(', ')}`);
    }
    if (NO_SERVER_DATABASE && pgliteOnly > 0) {
      const tests = pgliteOnly === 1 ? '1 database test' : `${pgliteOnly} database tests`;
      this.print(` ${tests} ran on PGlite only: set TEST_DATABASE_URL to run each on PostgreSQL too.`);
    }
  }
}

/** Adds the reporter to the run's reporters, whichever the configuration or command line chose. */
export function skipReasons(): { name: string; configureVitest(context: VitestPluginContext): void } {
  return {
    name: 'verbatim:skip-reasons',
    configureVitest({ vitest }) {
      vitest.config.reporters.push(new SkipReasonsReporter());
    },
  };
}
