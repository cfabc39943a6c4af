import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, seedJsonSchemaText } from '../../src/corpus/format.js';
import { datePrecision, eventKind, organizationKind, quoteKind, speakerKind } from '../../src/db/schema.js';
import { root } from './workspace.js';

describe('the published JSON Schema', () => {
  it('is what the zod schema generates (run npm run corpus:schema after changing src/corpus/format.ts)', () => {
    const published = readFileSync(path.join(root, 'seeds', SCHEMA_FILE), 'utf8');
    expect(published).toBe(seedJsonSchemaText());
  });

  it("offers the database's enum values to editors", () => {
    const text = seedJsonSchemaText();
    for (const values of [
      speakerKind.enumValues,
      organizationKind.enumValues,
      eventKind.enumValues,
      quoteKind.enumValues,
      datePrecision.enumValues,
    ]) {
      for (const v of values) expect(text).toContain(`"${v}"`);
    }
    const schema = JSON.parse(text) as { required: string[]; additionalProperties: boolean };
    expect(schema.required).toEqual(['article']);
    expect(schema.additionalProperties).toBe(false);
  });
});
