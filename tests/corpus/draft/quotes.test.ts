/** Quotes and their speakers (src/corpus/draft/quotes.ts, attribution.ts), rule by rule. */
import { describe, expect, it } from 'vitest';
import { draftOf, quotesOf } from './helpers.js';

describe('quote kinds', () => {
  it.each([
    ['a quotation opening the sentence is DIRECT', '“The bridge is safe,” said Mayor Ellen Ross.', 'DIRECT', 'The bridge is safe'],
    ['after a colon, DIRECT', 'Mayor Ellen Ross said: “The bridge is safe.”', 'DIRECT', 'The bridge is safe.'],
    [
      'after a reporting clause opening the sentence, DIRECT',
      'Mayor Ellen Ross said, “The bridge is safe.”',
      'DIRECT',
      'The bridge is safe.',
    ],
    [
      'a fragment in the writer’s sentence, PARTIAL',
      'Mayor Ellen Ross called the bridge “perfectly safe” on Monday.',
      'PARTIAL',
      'perfectly safe',
    ],
    ['after a that, PARTIAL', 'Mayor Ellen Ross said that the bridge was “safe for decades.”', 'PARTIAL', 'safe for decades.'],
    [
      'the writer’s words around an attribution, PARTIAL',
      'The bridge, she said, "will stand for decades."',
      'PARTIAL',
      'will stand for decades.',
    ],
  ])('%s', (_, sentence, kind, text) => {
    const d = draftOf(['Mayor Ellen Ross spoke.', sentence]);
    expect(quotesOf(d).map(([k, t]) => [k, t])).toEqual([[kind, text]]);
  });

  it('a quotation split by its attribution goes on as the same kind, same speaker', () => {
    const d = draftOf(['“No,” said Ellen Ross, “not this year. Maybe the next.”']);
    expect(quotesOf(d)).toEqual([
      ['DIRECT', 'No', 'Ellen Ross', 'said'],
      ['DIRECT', 'not this year. Maybe the next.', 'Ellen Ross', 'said'],
    ]);
  });

  it('a quotation over two paragraphs is one utterance: DIRECT in each, one speaker', () => {
    const d = draftOf(['“We tried,” Ellen Ross said. “We tried everything.', '“Nothing worked.”']);
    expect(quotesOf(d)).toEqual([
      ['DIRECT', 'We tried', 'Ellen Ross', 'said'],
      ['DIRECT', 'We tried everything.', 'Ellen Ross', 'said'],
      ['DIRECT', 'Nothing worked.', 'Ellen Ross', 'said'],
    ]);
  });

  it('short quotations no reporting verb governs are scare quotes, not quotes', () => {
    const d = draftOf(['The so-called “peace plan” failed, and the “experts” were silent.']);
    expect(quotesOf(d)).toEqual([]);
    expect(d.found.scare.map((s) => s.text)).toEqual(['peace plan', 'experts']);
  });

  it('a trailing comma that only closes the quotation is left out; other punctuation stays', () => {
    const d = draftOf(['“Stop,” Ellen Ross said. “Now!” she added.']);
    expect(quotesOf(d).map(([, t]) => t)).toEqual(['Stop', 'Now!']);
  });
});

describe('speakers', () => {
  it.each([
    ['“…,” she said: the nearest woman named before', ['Ellen Ross and Tom Hale met on Monday. “It went well,” she said.'], 'Ellen Ross'],
    ['“…,” he said: the nearest man named before', ['Ellen Ross and Tom Hale met on Monday. “It went well,” he said.'], 'Tom Hale'],
    ['“…,” said X, with a title between', ['“It went well,” said retired judge Tom Hale.'], 'Tom Hale'],
    ['“…,” X, an appositive, told', ['“It went well,” Tom Hale, the club’s treasurer, told reporters.'], 'Tom Hale'],
    [
      'X, who …, warned that … “…”',
      ['Tom Hale, who ran the club for a decade and chaired its board, warned that the plan was “a disaster.”'],
      'Tom Hale',
    ],
    ['X of the Y said … “…”', ['Economist Rita Ames of the Harbour Institute said the deal was “long overdue.”'], 'Rita Ames'],
    ['according to X', ['According to Tom Hale, the plan is “dead in the water.”'], 'Tom Hale'],
    [
      'a nominal: the organization named before',
      ['The Lakeside Water Board met twice. “We are ready,” the board said.'],
      'Lakeside Water Board',
    ],
    [
      'a spokesperson speaks for the organization',
      ['“We are ready,” a spokeswoman for the Lakeside Water Board said.'],
      'Lakeside Water Board',
    ],
    ['an unnamed group', ['“We are ready,” local officials said.'], 'Local officials'],
  ])('%s', (_, paragraphs, speaker) => {
    const d = draftOf(paragraphs);
    expect(quotesOf(d).map(([, , s]) => s)).toEqual([speaker]);
  });

  it('a quotation standing alone is the last speaker’s, in its paragraph or the one before', () => {
    const d = draftOf(['“It went well,” Tom Hale said on Monday.', '“We will be back next year.”']);
    expect(quotesOf(d).map(([, , s]) => s)).toEqual(['Tom Hale', 'Tom Hale']);
  });

  it('a pronoun skips people of the other gender, and a quotation with no attribution is left to the reviewer', () => {
    const d = draftOf(['Ellen Ross thanked Tom Hale. “I could not have done it alone,” she said.']);
    expect(quotesOf(d)[0]?.[2]).toBe('Ellen Ross');
    const none = draftOf(['“Nobody knows who said this,” is painted on the wall.']);
    expect(none.found.quotes[0]?.attribution.speaker).toBeUndefined();
    expect(none.unsettled).toEqual(['quote “Nobody knows who said this” (paragraph 1): no speaker found']);
    expect(none.seed.quotes?.[0]?.todo).toMatch(/^who says this\?/);
  });

  it('verb, channel, description and when it was said, as the article gives them', () => {
    const d = draftOf(['Transport Minister Lena Brandt said on Tuesday in a post on X that the line would reopen “within days.”']);
    const [q] = d.found.quotes;
    expect(q?.attribution).toMatchObject({ verb: 'said', channel: 'a post on X', description: 'Transport Minister' });
    expect(q?.attribution.said).toMatchObject({ text: 'on Tuesday', value: '2025-08-12' });
  });
});
