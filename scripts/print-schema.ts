/**
 * Writes the GraphQL schema to schema.graphql at the repository root (`npm run schema:print`).
 * The file is committed so schema changes show up in review; a test fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');

/** The schema's SDL as the committed file holds it. */
export function schemaText(): string {
  return `${printSchema(schema)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
