/** INDIRECT candidates and event proposals (indirect.ts, events.ts), on short texts of our own. */
import { describe, expect, it } from 'vitest';
import { corpusOf } from '../../../src/corpus/corpus.js';
import { parseSeed } from '../../../src/corpus/load.js';
import { draftOf } from './helpers.js';

describe('INDIRECT candidates', () => {
  it.each([
    ['X said that …', 'Tom Hale said that the plan had failed.', 'Tom Hale', 'The plan had failed.'],
    ['X told Y that …', 'Tom Hale told the committee that the plan had failed.', 'Tom Hale', 'The plan had failed.'],
    ['X said … without "that"', 'Tom Hale said the plan would fail.', 'Tom Hale', 'The plan would fail.'],
    ['according to X, …', 'According to the Lakeside Water Board, the dam is safe.', 'Lakeside Water Board', 'The dam is safe.'],
    [
      '…, X said.',
      'The dam will hold for decades, the Lakeside Water Board said.',
      'Lakeside Water Board',
      'The dam will hold for decades.',
    ],
    ['a pronoun subject', 'Tom Hale spoke first. He said the dam would hold.', 'Tom Hale', 'The dam would hold.'],
  ])('%s', (_, text, speaker, paraphrase) => {
    const d = draftOf([text]);
    expect(d.found.indirect.map((c) => [c.speaker.name, c.text])).toEqual([[speaker, paraphrase]]);
  });
});

describe('events', () => {
  it('proposes a dated action with its actor and target, and its date', () => {
    const d = draftOf(['The Ministry of Fisheries banned trawling near the Blue Reef on August 12.']);
    expect(d.found.events.map((e) => [e.kind, e.date?.value, e.participants.map((p) => [p.entity.name, p.role])])).toEqual([
      ['SANCTION', '2025-08-12', [['Ministry of Fisheries', 'ACTOR']]],
    ]);
  });

  it('takes an event the corpus has (same participant, similar title) as a ref:, with a finer date as a refinement', () => {
    const earlier = parseSeed(
      [
        '# yaml-language-server: $schema=./seed.schema.json',
        'article: { slug: earlier, title: Earlier, authors: [], publishedOn: 2025-08-01, body: "The Ministry of Fisheries banned trawling last month." }',
        'organizations: [{ slug: ministry-of-fisheries, name: Ministry of Fisheries, kind: GOVERNMENT_BODY }]',
        'events: [{ slug: trawling-ban, title: The Ministry of Fisheries bans trawling, kind: SANCTION, date: { text: last month, value: 2025-07 }, participants: [{ organization: ministry-of-fisheries, role: ACTOR }], sentence: The Ministry of Fisheries banned trawling last month. }]',
      ].join('\n'),
      'seeds/2025-08-01-earlier.yaml',
    );
    const d = draftOf(['The Ministry of Fisheries banned trawling on July 14, officials recalled.'], { corpus: corpusOf([earlier]) });
    expect(d.seed.events).toEqual([
      {
        ref: 'trawling-ban',
        sentence: 'The Ministry of Fisheries banned trawling on July 14, officials recalled.',
        date: { text: 'on July 14', value: '2025-07-14' },
      },
    ]);
    expect(d.seed.organizations).toEqual([{ ref: 'ministry-of-fisheries', mention: 'The Ministry of Fisheries' }]);
  });
});
