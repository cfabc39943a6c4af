/**
 * The seed format (v1): one YAML file per article in `seeds/`, described by this zod schema.
 * The JSON Schema published beside the seeds (`seeds/seed.schema.json`, for editors) is generated
 * from it, so the two cannot disagree. Enum values come from the drizzle model for the same reason.
 *
 * The schema checks shape only; everything that needs the body or the rest of the corpus (offsets,
 * references, dates that exist, unique slugs) is validate.ts's job.
 */
import { z } from 'zod';
import { datePrecision, eventKind, organizationKind, participantRole, quoteKind, speakerKind } from '../db/schema.js';

export const SCHEMA_FILE = 'seed.schema.json';
/** The first line of every seed: points editors (yaml-language-server) at the JSON Schema. */
export const SCHEMA_COMMENT = `# yaml-language-server: $schema=./${SCHEMA_FILE}`;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'must be lowercase ascii words joined by hyphens (e.g. "sinaloa-cartel")');
const text = z.string().trim().min(1, 'must not be empty');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');
const mention = text.describe('How the article names it; must occur verbatim in the body.');
const occurrence = z
  .number()
  .int()
  .min(1)
  .describe('1-based: which occurrence in the body, only needed when the text occurs more than once.');
const wikidata = z.string().regex(/^Q[0-9]+$/, 'must be a Wikidata item id like Q42');
const aliases = z.array(text).describe('Other names; matched case- and accent-insensitively against the corpus.');
/**
 * What the drafter (`npm run corpus:draft`) could not settle about an item. A seed with a `todo`
 * left is refused: the reviewer settles the item and deletes the key.
 */
const todo = text.describe('What the drafter could not settle; corpus:add refuses the seed until it is settled and this key removed.');

/**
 * A partial date: `value` is YYYY-MM-DD, YYYY-MM, YYYY, a decade YYY0s, or an interval A/B of
 * those. A bare year may arrive as a YAML number.
 */
export const partialDate = z.strictObject({
  text: text.optional().describe("The article's own words for the date; must occur in the body unless external."),
  value: z
    .union([z.string().regex(/^[0-9]{4}[-0-9s/]*$/, 'must look like YYYY-MM-DD, YYYY-MM, YYYY, YYY0s or A/B'), z.number().int()])
    .describe('YYYY-MM-DD (DAY), YYYY-MM (MONTH), YYYY (YEAR), YYY0s (DECADE), or an interval A/B of those.'),
  precision: z.enum(datePrecision.enumValues).optional().describe('Overrides the precision the value implies.'),
  external: z.boolean().optional().describe('True when the date is not supported by this article.'),
});

const role = z.strictObject({
  organization: slug,
  title: text,
  start: isoDay.optional(),
  end: isoDay.optional(),
  external: z.boolean().optional().describe('True when the dates come from outside the article.'),
});

export const speakerDefinition = z.strictObject({
  slug,
  name: text,
  kind: z.enum(speakerKind.enumValues),
  aliases: aliases.optional(),
  description: text.optional(),
  wikidata: wikidata.optional(),
  organization: slug.optional().describe('For kind ORGANIZATION: the organization that speaks.'),
  roles: z.array(role).optional(),
  mention: mention.optional(),
  todo: todo.optional(),
});

/**
 * An entity defined in another seed, linked to this article; it may refine it with names the
 * other seed does not know (README "Refinements").
 */
export const entityReference = z.strictObject({
  ref: slug,
  mention: mention.optional(),
  aliases: aliases.optional().describe('Names this article adds to the entity (a refinement): new ones only.'),
  todo: todo.optional(),
});

export const organizationDefinition = z.strictObject({
  slug,
  name: text,
  kind: z.enum(organizationKind.enumValues),
  aliases: aliases.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like MX')
    .optional(),
  parent: slug.optional(),
  description: text.optional(),
  wikidata: wikidata.optional(),
  mention: mention.optional(),
  todo: todo.optional(),
});

const participant = z.strictObject({
  speaker: slug.optional(),
  organization: slug.optional(),
  role: z.enum(participantRole.enumValues),
});

const sentence = text.describe('Verbatim text of the body that reports the event (offsets are computed from it).');

export const eventDefinition = z.strictObject({
  slug,
  title: text,
  description: text.optional(),
  kind: z.enum(eventKind.enumValues),
  date: partialDate.optional(),
  places: z.array(text).optional(),
  participants: z.array(participant).optional(),
  sentence,
  occurrence: occurrence.optional(),
  todo: todo.optional(),
});

/** An event defined in another seed, reported here too; it may give a finer date (a refinement). */
export const eventReference = z.strictObject({
  ref: slug,
  sentence,
  occurrence: occurrence.optional(),
  date: partialDate
    .optional()
    .describe('A date for the event, or a finer one, from this article (a refinement): inside the dates other seeds give it.'),
  todo: todo.optional(),
});

export const quote = z.strictObject({
  speaker: slug,
  kind: z.enum(quoteKind.enumValues),
  text: z.string().min(1, 'must not be empty').describe('DIRECT/PARTIAL: the exact words as in the body. INDIRECT: the paraphrase.'),
  passage: z
    .string()
    .min(1, 'must not be empty')
    .optional()
    .describe('INDIRECT only (required there): verbatim text of the body that reports it.'),
  occurrence: occurrence.optional(),
  description: text.optional().describe("The speaker's description as the article gives it."),
  verb: text.optional(),
  channel: text.optional(),
  said: partialDate.optional(),
  todo: todo.optional(),
});

export const article = z.strictObject({
  slug,
  title: text,
  authors: z.array(text),
  outlet: text.optional(),
  publishedOn: isoDay,
  url: z.url().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag like en or pt-BR')
    .optional(),
  body: z.string().min(1, 'must not be empty').describe('Paragraphs separated by one blank line (a literal block scalar: `body: |`).'),
  notes: z.array(text).optional().describe('Editorial notes; kept in the seed and the migration header.'),
});

export const seedSchema = z.strictObject({
  article,
  speakers: z.array(z.union([entityReference, speakerDefinition])).optional(),
  organizations: z.array(z.union([entityReference, organizationDefinition])).optional(),
  events: z.array(z.union([eventReference, eventDefinition])).optional(),
  quotes: z.array(quote).optional(),
});

export type Seed = z.infer<typeof seedSchema>;
export type PartialDateInput = z.infer<typeof partialDate>;
export type SpeakerDefinition = z.infer<typeof speakerDefinition>;
export type OrganizationDefinition = z.infer<typeof organizationDefinition>;
export type EventDefinition = z.infer<typeof eventDefinition>;
export type EventReference = z.infer<typeof eventReference>;
export type EntityReference = z.infer<typeof entityReference>;
export type QuoteInput = z.infer<typeof quote>;
export type ArticleInput = z.infer<typeof article>;

/** The JSON Schema for editors, as published in seeds/seed.schema.json. */
export function seedJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(seedSchema, { target: 'draft-2020-12' }),
    title: 'Verbatim article seed (v1)',
    description: 'One article with its speakers, organizations, events and quotes. See README "Adding an article".',
  };
}

export function seedJsonSchemaText(): string {
  return `${JSON.stringify(seedJsonSchema(), null, 2)}\n`;
}
