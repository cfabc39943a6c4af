/**
 * The review page as HTML: the article with each quote highlighted in its speaker's colour and
 * numbered, a gloss beside each paragraph (speaker, kind, verb, channel), the names it links
 * underlined, its events on a timeline. One self-contained page: no script, no external asset.
 */
import { paragraphSpans, type Span } from '../corpus/offsets.js';
import type { ArticleSummary, ReviewArticle, ReviewQuote } from './model.js';

/**
 * A highlight colour per speaker, in order of their first quote: hues a golden angle apart, so
 * that any number of speakers get distinct colours, light enough to read black text on.
 */
export function speakerColours(quotes: readonly ReviewQuote[]): Map<string, string> {
  const colours = new Map<string, string>();
  for (const q of quotes) {
    if (colours.has(q.speaker.slug)) continue;
    const i = colours.size;
    colours.set(q.speaker.slug, `hsl(${Math.round((45 + i * 137.508) % 360)} ${i % 2 ? 70 : 85}% ${i % 3 === 2 ? 72 : 80}%)`);
  }
  return colours;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
body{font:16px/1.6 Georgia,serif;margin:0;background:#fafaf7;color:#222}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 24px}
header h1{font-size:28px;line-height:1.25;margin:24px 0 4px}
.meta{color:#666;font:14px system-ui,sans-serif}
.problems{background:#fff3f3;border:1px solid #e0a0a0;padding:8px 16px;font:13px/1.5 ui-monospace,monospace;white-space:pre-wrap}
.legend{font:13px system-ui,sans-serif;margin:12px 0;display:flex;flex-wrap:wrap;gap:6px 14px}
.legend span{white-space:nowrap}.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;vertical-align:-1px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 280px;gap:32px}
.para{display:contents}.para p{margin:0 0 16px}
.gloss{font:12px/1.4 system-ui,sans-serif;margin:0 0 16px;padding:0;list-style:none}
.gloss li{margin:0 0 6px;padding-left:6px;border-left:4px solid #ccc}
mark.quote{padding:1px 0;border-radius:2px;color:inherit}
mark.quote[data-kind=INDIRECT]{background:transparent!important;border-bottom:2px dashed var(--c)}
mark.quote[data-kind=PARTIAL]{outline:1px dotted #555}
sup.n{font:10px system-ui,sans-serif;color:#555}
.name{text-decoration:underline;text-decoration-color:#333;text-underline-offset:3px}
.event:target{background:#fff2b3}
.timeline{font:14px system-ui,sans-serif;border-left:2px solid #bbb;margin:8px 0 32px 8px;padding:0 0 0 16px;list-style:none}
.timeline li{margin:0 0 10px;position:relative}.timeline li:before{content:"";position:absolute;left:-22px;top:6px;width:10px;height:10px;border-radius:50%;background:#555}
.timeline .when{display:inline-block;min-width:170px;color:#333;font-weight:600}.timeline .kind{color:#777;font-size:12px;margin-left:6px}
table{border-collapse:collapse;font:14px system-ui,sans-serif}td,th{padding:6px 12px;border-bottom:1px solid #ddd;text-align:left}
`;

function page(title: string, content: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${content}</body></html>\n`;
}

export function renderIndex(articles: readonly ArticleSummary[]): string {
  const rows = articles
    .map(
      (a) =>
        `<tr><td>${esc(a.publishedOn)}</td><td><a href="/articles/${esc(a.slug)}">${esc(a.title)}</a></td><td>${esc(a.outlet ?? '')}</td><td>${a.quotes}</td></tr>`,
    )
    .join('');
  return page(
    'Verbatim: articles',
    `<header><h1>Articles</h1><p class="meta">Who said what in each article of the corpus. The API is at <a href="/graphql">/graphql</a>.</p></header><main><table><thead><tr><th>published</th><th>article</th><th>outlet</th><th>quotes</th></tr></thead><tbody>${rows}</tbody></table></main>`,
  );
}

interface Mark extends Span {
  open: string;
  close: string;
  /** Outer marks first when two start together. */
  rank: number;
}

/** The body's text between `span`, with marks opened and closed in nesting order. */
function marked(body: string, span: Span, marks: readonly Mark[]): string {
  const inside = marks
    .filter((m) => m.start < span.end && span.start < m.end)
    .map((m) => ({ ...m, start: Math.max(m.start, span.start), end: Math.min(m.end, span.end) }));
  const cuts = [...new Set([span.start, span.end, ...inside.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  let out = '';
  let stack: Mark[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    const active = inside.filter((m) => m.start <= a && b <= m.end).sort((x, y) => x.start - y.start || y.end - x.end || x.rank - y.rank);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep] === active[keep]) keep++;
    for (let k = stack.length - 1; k >= keep; k--) out += stack[k]!.close;
    stack = stack.slice(0, keep);
    for (const m of active.slice(keep)) {
      out += m.open;
      stack.push(m);
    }
    out += esc(body.slice(a, b));
  }
  for (let k = stack.length - 1; k >= 0; k--) out += stack[k]!.close;
  return out;
}

function when(d: NonNullable<ReviewArticle['events'][number]['date']>): string {
  const fmt = (iso: string, parts: Intl.DateTimeFormatOptions) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', ...parts });
  switch (d.precision) {
    case 'DAY':
      return d.start === d.end
        ? fmt(d.start, { day: 'numeric', month: 'short', year: 'numeric' })
        : `${fmt(d.start, { day: 'numeric', month: 'short', year: 'numeric' })} – ${fmt(d.end, { day: 'numeric', month: 'short', year: 'numeric' })}`;
    case 'MONTH':
      return d.start.slice(0, 7) === d.end.slice(0, 7)
        ? fmt(d.start, { month: 'short', year: 'numeric' })
        : `${fmt(d.start, { month: 'short', year: 'numeric' })} – ${fmt(d.end, { month: 'short', year: 'numeric' })}`;
    case 'YEAR':
      return d.start.slice(0, 4) === d.end.slice(0, 4) ? d.start.slice(0, 4) : `${d.start.slice(0, 4)} – ${d.end.slice(0, 4)}`;
    case 'DECADE':
      return `${d.start.slice(0, 3)}0s`;
    default:
      return `≈ ${fmt(d.start, { day: 'numeric', month: 'short', year: 'numeric' })} – ${fmt(d.end, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  }
}

export function renderArticle(a: ReviewArticle): string {
  const colours = speakerColours(a.quotes);
  const numbers = new Map(a.quotes.map((q, i) => [q, i + 1]));
  const marks: Mark[] = [
    ...a.quotes.map((q) => {
      const c = colours.get(q.speaker.slug)!;
      const n = numbers.get(q)!;
      const title = `${q.speaker.name} — ${q.kind}${q.verb ? `, ${q.verb}` : ''}`;
      return {
        start: q.start,
        end: q.end,
        rank: q.kind === 'INDIRECT' ? 0 : 1,
        open: `<mark class="quote" id="q${n}" data-n="${n}" data-speaker="${esc(q.speaker.slug)}" data-kind="${q.kind}" title="${esc(title)}" style="background:${c};--c:${c}">`,
        close: `</mark><sup class="n">${n}</sup>`,
      };
    }),
    ...a.names.map((n) => ({
      start: n.start,
      end: n.end,
      rank: 3,
      open: `<span class="name" data-${n.entity}="${esc(n.slug)}" title="${esc(`${n.name} (${n.entity})`)}">`,
      close: '</span>',
    })),
    ...a.events
      .filter((e) => e.sentence)
      .map((e) => ({ ...e.sentence!, rank: -1, open: `<span class="event" id="event-${esc(e.slug)}">`, close: '</span>' })),
  ];
  const paragraphs = paragraphSpans(a.body)
    .map((p) => {
      const here = a.quotes.filter((q) => q.start >= p.start && q.start < p.end);
      const gloss = here
        .map((q) => {
          const c = colours.get(q.speaker.slug)!;
          const details = [q.kind, q.verb, q.channel && `in ${q.channel}`, q.said && `(${q.said})`].filter(Boolean).join(' · ');
          return `<li style="border-color:${c}" data-n="${numbers.get(q)}"><b>${numbers.get(q)}. ${esc(q.speaker.name)}</b>${q.description ? `, ${esc(q.description)}` : ''}<br>${esc(details)}</li>`;
        })
        .join('');
      return `<div class="para"><p>${marked(a.body, p, marks)}</p><ul class="gloss">${gloss}</ul></div>`;
    })
    .join('');
  const speakers = [...colours].map(([slug, c]) => {
    const name = a.quotes.find((q) => q.speaker.slug === slug)!.speaker.name;
    const count = a.quotes.filter((q) => q.speaker.slug === slug).length;
    return `<span data-speaker="${esc(slug)}"><i class="swatch" style="background:${c}"></i>${esc(name)} (${count})</span>`;
  });
  const timeline = a.events
    .map(
      (e) =>
        `<li data-event="${esc(e.slug)}"><span class="when">${e.date ? esc(when(e.date)) : 'date unknown'}</span> ${e.sentence ? `<a href="#event-${esc(e.slug)}">${esc(e.title)}</a>` : esc(e.title)}<span class="kind">${esc(e.kind)}</span></li>`,
    )
    .join('');
  const meta = [a.authors.join(', '), a.outlet, a.publishedOn, a.source === 'seed' ? 'draft seed, not migrated' : null]
    .filter(Boolean)
    .map((x) => esc(x!))
    .join(' · ');
  const problems =
    a.problems.length > 0
      ? `<pre class="problems">${a.problems.length} problem(s) corpus:add would refuse:\n${esc(a.problems.join('\n'))}</pre>`
      : '';
  return page(
    a.title,
    `<header><p class="meta"><a href="/articles">Articles</a></p><h1>${esc(a.title)}</h1><p class="meta">${meta}${a.url ? ` · <a href="${esc(a.url)}">source</a>` : ''}</p>${problems}<div class="legend">${speakers.join('')}</div><p class="meta">Highlighted: quotes in their speaker’s colour (dotted outline: PARTIAL; dashed underline: INDIRECT). Underlined: names the article links.</p></header><main><div class="layout">${paragraphs}</div><h2>Timeline</h2><ol class="timeline">${timeline}</ol></main>`,
  );
}

export function renderNotFound(slug: string): string {
  return page('Not found', `<header><h1>No article ${esc(slug)}</h1><p class="meta"><a href="/articles">All articles</a></p></header>`);
}
