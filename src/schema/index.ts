/** Imports every domain file (each registers its types) and builds the schema. */
import { builder } from './builder.js';
import './dates.js';
import './article.js';

export const schema = builder.toSchema({ sortSchema: false });
