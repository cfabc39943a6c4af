/** Imports every domain file (each registers its types) and builds the schema. */
import { builder } from './builder.js';
import './dates.js';
import './connections.js';
import './article.js';
import './speaker.js';
import './organization.js';
import './quote.js';
import './event.js';
import './search.js';

export const schema = builder.toSchema({ sortSchema: false });
