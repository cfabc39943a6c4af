/** People and organizations (src/corpus/draft/names.ts, match.ts), on short texts of our own. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/corpus/draft/document.js';
import { matchKnown, type KnownEntity } from '../../../src/corpus/draft/match.js';
import { findNames } from '../../../src/corpus/draft/names.js';

const names = (paragraphs: string[], known: KnownEntity[] = [], italic: string[] = []) =>
  findNames(analyse(paragraphs), known, italic).map((e) => ({
    type: e.type,
    name: e.name,
    mentions: e.mentions.map((m) => m.text),
    ...(e.mentions[0]?.title ? { title: e.mentions[0].title } : {}),
    ...(e.known ? { known: `${e.known.entity.slug} (${e.known.how})` } : {}),
  }));

const known: KnownEntity[] = [
  { kind: 'speaker', slug: 'claudia-sheinbaum', name: 'Claudia Sheinbaum', aliases: ['Sheinbaum'], speakerKind: 'PERSON', where: 'x' },
  { kind: 'speaker', slug: 'james-e-mcpherson', name: 'James E. McPherson', aliases: [], speakerKind: 'PERSON', where: 'x' },
  {
    kind: 'organization',
    slug: 'cartel-de-los-soles',
    name: 'Cartel de los Soles',
    aliases: ['Cartel of the Suns'],
    organizationKind: 'CRIMINAL_ORGANIZATION',
    where: 'x',
  },
];

describe('people', () => {
  it('splits titles off names, widens a name compromise cut short, and joins surnames to the full name', () => {
    expect(names(['Health Secretary Ruth Adeyemi met the analyst Vito Ramírez Ochoa. Adeyemi said little.'])).toEqual([
      { type: 'person', name: 'Ruth Adeyemi', mentions: ['Ruth Adeyemi', 'Adeyemi'], title: 'Health Secretary' },
      { type: 'person', name: 'Vito Ramírez Ochoa', mentions: ['Vito Ramírez Ochoa'], title: 'the analyst' },
    ]);
  });

  it('finds a name where a speaker stands, by a reporting verb', () => {
    expect(names(['The airline’s chief pilot, Jarl Vintersund, said the schedule was safe.']).map((n) => n.name)).toEqual([
      'Jarl Vintersund',
    ]);
  });
});

describe('organizations', () => {
  it.each([
    ['a head word ends the name', 'The Lakeside Water Board met.', 'Lakeside Water Board'],
    ['an opener with its complement', 'The Ministry of Fisheries agreed.', 'Ministry of Fisheries'],
    ['a complement, not a place after "in"', 'He runs the Institute for Coastal Studies in Bergen.', 'Institute for Coastal Studies'],
    [
      'a nationality inside a longer name',
      'The Latin American Institute for Peace Studies agreed.',
      'Latin American Institute for Peace Studies',
    ],
    ['a nationality before a head word', 'The Swedish Transport Agency agreed.', 'Swedish Transport Agency'],
    ['not a nationality before an opener', 'They joined the Venezuelan Cartel de la Costa.', 'Cartel de la Costa'],
    ['an institution news names by one word', 'They told the Pentagon.', 'Pentagon'],
    ['an administration', 'Officials of the Obama administration agreed.', 'Obama administration'],
    ['a union with its number', 'Members of the Teamsters Union Local 42 agreed.', 'Teamsters Union Local 42'],
  ])('%s', (_, text, name) => {
    expect(
      names([text])
        .filter((n) => n.type === 'organization')
        .map((n) => n.name),
    ).toEqual([name]);
  });

  it('takes names listed with organizations as organizations, and italic names as publications', () => {
    const found = findNames(
      analyse(['The targets are the Gulf Cartel and the Nueva Familia Michoacana, as the Harbor Ledger reported.']),
      [],
      ['Harbor Ledger'],
    );
    expect(found.map((e) => [e.name, e.organizationKind])).toEqual([
      ['Gulf Cartel', 'CRIMINAL_ORGANIZATION'],
      ['Nueva Familia Michoacana', 'CRIMINAL_ORGANIZATION'],
      ['Harbor Ledger', 'MEDIA'],
    ]);
  });
});

describe('the corpus’s names', () => {
  it('finds known names where they stand, accent-insensitively, and knows a typo or a missing initial', () => {
    expect(names(['Sheinbaum spoke of the Cartel de los Soles.'], known)).toEqual([
      { type: 'person', name: 'Sheinbaum', mentions: ['Sheinbaum'], known: 'claudia-sheinbaum (alias)' },
      { type: 'organization', name: 'Cartel de los Soles', mentions: ['Cartel de los Soles'], known: 'cartel-de-los-soles (name)' },
    ]);
    expect(matchKnown('Claudia Sheinbaun', 'person', known)).toMatchObject({
      entity: { slug: 'claudia-sheinbaum' },
      how: 'typo',
      distance: 1,
    });
    expect(matchKnown('CLAUDIA SHEINBAUM', 'person', known)).toMatchObject({ how: 'name' });
    expect(matchKnown('James McPherson', 'person', known)).toMatchObject({ entity: { slug: 'james-e-mcpherson' }, how: 'initials' });
    expect(matchKnown('Claudio Serrano', 'person', known)).toBeUndefined();
    // People are not matched against organizations.
    expect(matchKnown('Cartel de los Soles', 'person', known)).toBeUndefined();
  });
});
