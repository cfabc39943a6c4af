/** Reading exports and cleaning them into a body (source.ts, markdown.ts, html.ts, text.ts, clean.ts). */
import { describe, expect, it } from 'vitest';
import { cleanBlocks } from '../../../src/corpus/draft/clean.js';
import { readSource } from '../../../src/corpus/draft/source.js';

const clean = (file: string, text: string) => cleanBlocks(readSource(file, text));

describe('cleaning an export', () => {
  it('Markdown: title, byline and date lines are metadata; emphasis, links and escapes go; the words stay', () => {
    const c = clean(
      'a.md',
      '# A headline\n\n**Jo Writer**  \n3 March 2024\n\nThe *Daily Post* said it cost \\$5 [online](https://x.example).\n\nIt broke\n\nin the middle.\n\nShare this article\n\n[Follow us](https://x.example/f)\n',
    );
    expect(c).toMatchObject({ title: 'A headline', authors: ['Jo Writer'], publishedOn: '2024-03-03', italic: ['Daily Post'] });
    expect(c.paragraphs).toEqual(['The Daily Post said it cost $5 online.', 'It broke in the middle.']);
    expect(c.notes.join('\n')).toMatch(/Emphasis removed \(\*Daily Post\*\)/);
    expect(c.notes.join('\n')).toMatch(/escaped \$/);
    expect(c.notes.join('\n')).toMatch(/broke one paragraph mid-sentence \("It broke" \/ "in the"\)/);
    expect(c.notes.join('\n')).toMatch(/boilerplate \("Share this article", "Follow us"\)/);
  });

  it('HTML: the article element’s paragraphs, entities decoded; navigation, asides, footer and scripts left out', () => {
    const c = clean(
      'a.html',
      '<html><head><title>Big news | The Courier</title><meta name="author" content="Al Reporter"><meta property="article:published_time" content="2024-05-06T10:00:00Z"><link rel="canonical" href="https://c.example/a"></head><body><nav><p>Home</p></nav><article><h1>Big news</h1><p>&ldquo;Yes,&rdquo; she said &mdash; twice.</p><aside><p>Related</p></aside><p>Second <em>paragraph</em>.</p></article><footer><p>&copy; 2024</p></footer><script>x()</script></body></html>',
    );
    expect(c).toMatchObject({
      title: 'Big news',
      authors: ['Al Reporter'],
      publishedOn: '2024-05-06',
      url: 'https://c.example/a',
      outlet: 'The Courier',
    });
    expect(c.paragraphs).toEqual(['“Yes,” she said — twice.', 'Second paragraph.']);
  });

  it('plain text: a hard-wrapped paragraph is joined, a "By" line and a date line are metadata, a copyright line is not body', () => {
    const c = clean(
      'a.txt',
      'A headline\n\nBy Jo Writer and Al Reporter\nMay 6, 2024\n\nThe first line\nand the second line.\n\nCopyright 2024 The Courier. All rights reserved.\n',
    );
    expect(c).toMatchObject({ title: 'A headline', authors: ['Jo Writer', 'Al Reporter'], publishedOn: '2024-05-06' });
    expect(c.paragraphs).toEqual(['The first line and the second line.']);
  });
});
