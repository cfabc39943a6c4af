/** Every setting the server reads is documented in the README's Configuration table (LIMIT_* in the limits table). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SETTINGS } from '../../src/config.js';
import { root } from '../helpers/process.js';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const section = (heading: string) => {
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  return readme.slice(start, readme.indexOf('\n#', start + heading.length + 2));
};

it('documents every setting in the README', () => {
  const configuration = section('### Configuration');
  const limits = section('### Hostile or oversized requests');
  expect(SETTINGS.length).toBeGreaterThan(20);
  for (const name of SETTINGS) {
    const table = name.startsWith('LIMIT_') ? limits : configuration;
    // A row of the table that names it in a cell of its own.
    expect(table, name).toMatch(new RegExp(`^\\|.*\\| \`${name}\` \\||^\\| \`${name}\` \\|`, 'm'));
  }
});
