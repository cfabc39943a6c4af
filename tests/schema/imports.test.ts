/**
 * No import circle in src/schema: entity files hold their node and root fields, each relation's
 * file adds both directions to them, so no entity file imports another. The graph is read with
 * TypeScript's own parser and module resolution (already a dependency; type-only imports count
 * too: a circle of types is still a circle in the design).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const SCHEMA = path.resolve(import.meta.dirname, '../../src/schema');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** The import cycles among the files under `dir` (each as the files on it, relative to `dir`). */
export function importCycles(dir: string): string[][] {
  const files = sourceFiles(dir);
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowJs: false,
  };
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    const targets = imports
      .map((i) => ts.resolveModuleName(i.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((t): t is string => t !== undefined && files.includes(t));
    edges.set(file, targets);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(dir, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles;
}

it('finds a cycle when there is one', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'verbatim-cycle-'));
  writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = () => b;\n");
  writeFileSync(path.join(dir, 'b.ts'), "import type { a } from './a.js';\nexport const b = 1 as unknown as typeof a;\n");
  writeFileSync(path.join(dir, 'c.ts'), "import { a } from './a.js';\nexport const c = a;\n");
  expect(importCycles(dir)).toEqual([['a.ts', 'b.ts', 'a.ts']]);
});

it('src/schema has no import cycle', () => {
  expect(sourceFiles(SCHEMA).length).toBeGreaterThan(10);
  expect(importCycles(SCHEMA)).toEqual([]);
});
