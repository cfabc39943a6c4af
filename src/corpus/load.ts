/**
 * Reading a seed file: YAML (1.2 core schema, so dates stay strings) with a line for every path,
 * and the seed's content hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isNode, isScalar, LineCounter, parseDocument, Scalar, type Document } from 'yaml';
import type { PathSegment, Problem } from './problems.js';

export interface LoadedSeed {
  /** The file as shown in messages (relative to the working directory). */
  file: string;
  absolutePath: string;
  /** The plain data (undefined when the YAML could not be read at all). */
  data: unknown;
  /** Syntax problems; when there are any, `data` is not to be trusted. */
  problems: Problem[];
  /** The file's first line (the JSON Schema comment). */
  firstLine: string;
  /** sha256 of the parsed content (canonical JSON): comments and layout do not count. */
  hash: string;
  /** The line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PathSegment[]): number | undefined;
  /**
   * The line of a character offset inside a string at `path`: exact for literal block scalars
   * (`body: |`), where each line break of the value is a line of the file.
   */
  lineInString(path: readonly PathSegment[], offset: number): number | undefined;
}

export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

export function loadSeed(file: string, cwd = process.cwd()): LoadedSeed {
  const absolutePath = path.resolve(cwd, file);
  const shown = displayPath(absolutePath, cwd);
  let source: string;
  try {
    source = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return failed(shown, absolutePath, reason);
  }
  return parseSeed(source, shown, absolutePath);
}

export function parseSeed(source: string, file: string, absolutePath = file): LoadedSeed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: lineCounter.linePos(e.pos[0]).line,
    path: [],
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const data: unknown = problems.length > 0 ? undefined : doc.toJS();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const nodeAt = (p: readonly PathSegment[]) => nearestNode(doc, p);
  return {
    file,
    absolutePath,
    data,
    problems,
    firstLine: source.split(/\r?\n/, 1)[0] ?? '',
    hash: contentHash(data),
    lineOf(p) {
      const node = nodeAt(p);
      return node ? lineAt(node.range[0]) : undefined;
    },
    lineInString(p, offset) {
      const node = nodeAt(p);
      if (!node) return undefined;
      const start = lineAt(node.range[0]);
      if (!isScalar(node) || node.type !== Scalar.BLOCK_LITERAL || typeof node.value !== 'string') return start;
      // The header line (`|`) comes first; the value's lines follow one for one.
      const breaks = node.value.slice(0, offset).split('\n').length - 1;
      return start + 1 + breaks;
    },
  };
}

function nearestNode(doc: Document, p: readonly PathSegment[]): { range: [number, number, number] } | undefined {
  for (let n = p.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true);
    if (isNode(node) && node.range) return node as { range: [number, number, number] };
  }
  return undefined;
}

function failed(file: string, absolutePath: string, reason: string): LoadedSeed {
  return {
    file,
    absolutePath,
    data: undefined,
    problems: [{ file, path: [], message: reason }],
    firstLine: '',
    hash: contentHash(undefined),
    lineOf: () => undefined,
    lineInString: () => undefined,
  };
}

/** Key order and formatting do not change the hash; any value does. */
export function contentHash(data: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(data)).digest('hex')}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
