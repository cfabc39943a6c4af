/** Imports every type file (each registers its types), then every relation, and builds the schema. */
import { builder } from './builder.js';
import './dates.js';
import './connections.js';
import './article.js';
import './speaker.js';
import './organization.js';
import './quote.js';
import './event.js';
import './search.js';
import './relations/quotes.js';
import './relations/mentions.js';
import './relations/reports.js';
import './relations/roles.js';
import './relations/participations.js';
import './relations/organizations.js';

// The schema's own description (GraphiQL's Docs opens on it); Pothos's toSchema has no option for it.
export const schema = Object.assign(builder.toSchema({ sortSchema: false }), {
  description:
    'Verbatim: who said what in the news, and what happened when. Start from `speaker(slug:)` and its `quotes`, `quotes(search:)`, `events(from:, to:)` or `search(query:)`. Every list is a Relay connection (`first`/`after`, `totalCount`); every entity has a global `id` for `node(id:)`. Quotes point into their article: for DIRECT and PARTIAL ones, `article.body.slice(startOffset, endOffset)` is the quote.',
});
