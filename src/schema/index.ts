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

export const schema = builder.toSchema({ sortSchema: false });
