/**
 * Persisted operations: the operations in operations/*.graphql, known to the server by the sha256
 * of their text (operations/manifest.json, built by `npm run operations:build`). Clients send the
 * hash Apollo-style (`extensions.persistedQuery.sha256Hash`), over GET or POST; with
 * PERSISTED_ONLY=true nothing else runs. graphql-yoga's plugin does the protocol.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const OPERATIONS_DIR = path.resolve(import.meta.dirname, '../../operations');
export const MANIFEST_FILE = path.join(OPERATIONS_DIR, 'manifest.json');

export interface PersistedOperation {
  /** The operation's name, e.g. QuotesBySpeaker. */
  name: string;
  /** Its file, relative to the operations folder. */
  file: string;
  /** The exact text the hash is computed over and the server executes. */
  document: string;
}

export interface Manifest {
  /** sha256 (hex) of `document` → the operation. */
  operations: Record<string, PersistedOperation>;
}

export const PERSISTED_CODES = {
  /** PERSISTED_ONLY=true and the request carried a query text. */
  only: 'PERSISTED_QUERY_ONLY',
  /** The hash is not in the manifest. */
  notFound: 'PERSISTED_QUERY_NOT_FOUND',
  /** Neither a query nor a hash. */
  missing: 'PERSISTED_QUERY_ID_REQUIRED',
} as const;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads every operations/*.graphql file: one named query each. Throws naming the file when one
 * does not parse, holds other than one named operation, or repeats another's name.
 */
export function readOperations(dir = OPERATIONS_DIR): PersistedOperation[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const seen = new Map<string, string>();
  return files.map((file) => {
    const document = readFileSync(path.join(dir, file), 'utf8');
    let operations: OperationDefinitionNode[];
    try {
      operations = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
    }
    const [op] = operations;
    if (operations.length !== 1 || !op?.name) throw new Error(`${file}: must hold exactly one named operation`);
    if (op.operation !== 'query') throw new Error(`${file}: only queries can be persisted (got ${op.operation})`);
    const name = op.name.value;
    const other = seen.get(name);
    if (other) throw new Error(`${file}: operation name ${name} is also used in ${other}`);
    seen.set(name, file);
    return { name, file, document };
  });
}

export function buildManifest(operations: PersistedOperation[]): Manifest {
  return { operations: Object.fromEntries(operations.map((op) => [sha256(op.document), op])) };
}

/** The manifest file's text: stable (sorted by file) so a rebuild without changes is no diff. */
export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function loadManifest(file = MANIFEST_FILE): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function coded(code: string, message: string) {
  return { message, extensions: { code, http: { status: 400 } } };
}

/** The yoga plugin: look hashes up in `manifest`; with `only`, refuse any query text. */
export function persistedOperationsPlugin(manifest: Manifest, only: boolean): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash) => manifest.operations[hash]?.document ?? null,
    allowArbitraryOperations: !only,
    customErrors: {
      persistedQueryOnly: coded(
        PERSISTED_CODES.only,
        'This server runs persisted operations only: send extensions.persistedQuery.sha256Hash of an operation in its manifest, not a query text.',
      ),
      notFound: coded(PERSISTED_CODES.notFound, 'No persisted operation has this sha256Hash; see operations/manifest.json.'),
      keyNotFound: coded(
        PERSISTED_CODES.missing,
        only
          ? 'Send extensions.persistedQuery: { version: 1, sha256Hash } naming a persisted operation.'
          : 'Send a query, or extensions.persistedQuery: { version: 1, sha256Hash } naming a persisted operation.',
      ),
    },
  }) as Plugin;
}
