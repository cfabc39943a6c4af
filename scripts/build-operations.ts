/**
 * Writes operations/manifest.json from operations/*.graphql (`npm run operations:build`): each
 * operation under the sha256 of its text, which is what clients send to run it.
 */
import { writeFileSync } from 'node:fs';
import { buildManifest, MANIFEST_FILE, manifestText, readOperations } from '../src/server/persisted.js';

try {
  const operations = readOperations();
  writeFileSync(MANIFEST_FILE, manifestText(buildManifest(operations)));
  console.log(`Wrote ${operations.length} persisted operation(s) to ${MANIFEST_FILE}`);
} catch (error) {
  console.error(`operations:build: ${(error as Error).message}`);
  process.exit(1);
}
