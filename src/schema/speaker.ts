/** Speaker: its node, the `speaker`/`speakers` root fields. Relations: src/schema/relations/. */
import { eq, sql } from 'drizzle-orm';
import type { Ordering } from '../db/pages.js';
import type { Row } from '../db/rows.js';
import { speakerKind, speakers } from '../db/schema.js';
import { builder } from './builder.js';
import { type ListDef, rootPage, rootRow } from './connections.js';
import { namedList } from './matching.js';
import { enumOf, nodeTable, tableNode } from './types.js';

export type SpeakerRow = Row<typeof speakers>;
type SpeakerKind = (typeof speakerKind.enumValues)[number];

const speakerKindDescriptions: Record<SpeakerKind, string> = {
  PERSON: 'A named person.',
  ORGANIZATION: 'A body that speaks as one ("the State Department said", "Caracas claims").',
  UNNAMED_GROUP: 'Unnamed sources ("US officials", "analysts").',
};

export const SpeakerKindEnum = enumOf('SpeakerKind', 'What kind of speaker this is.', speakerKind.enumValues, speakerKindDescriptions);

export const SpeakerNode = tableNode('Speaker', speakers);

export const SPEAKER = nodeTable('Speaker', speakers);

/** By slug (byte order, the same on every database): the order of speaker lists. */
export const speakerOrder: Ordering<{ node: typeof speakers }> = {
  name: 'speaker',
  keys: [{ type: 'text', expr: ({ node }) => sql`${node.slug} COLLATE "C"` }],
};

export const SpeakerConnection = builder.connectionObject(
  { type: SpeakerNode, name: 'SpeakerConnection', description: 'A page of speakers (by slug, or by relevance when searching).' },
  { name: 'SpeakerEdge', description: 'A speaker in a list.' },
);

SpeakerNode.implement({
  description:
    'Anyone the corpus knows, quoted or not: a person, a body that speaks as one ("the State Department said"), or unnamed sources ("US officials").',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable, human-readable identifier ("claudia-sheinbaum").' }),
    name: t.exposeString('name', { description: 'The name as the corpus writes it, accents included.' }),
    kind: t.expose('kind', { type: SpeakerKindEnum, description: 'Person, body or unnamed group.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the speaker goes by.' }),
    description: t.exposeString('description', { nullable: true, description: 'A short description.' }),
    wikidataId: t.exposeString('wikidataId', { nullable: true, description: 'Wikidata item id ("Q...") when known.' }),
  }),
});

builder.queryField('speaker', (t) =>
  t.field({
    type: SpeakerNode,
    nullable: true,
    description: 'One speaker by slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The speaker slug ("claudia-sheinbaum").' }) },
    resolve: (_root, { slug }, ctx, info) => rootRow<typeof speakers, SpeakerRow>(SPEAKER, (s) => eq(s.slug, slug), ctx, info),
  }),
);

builder.queryField('speakers', (t) =>
  t.field({
    type: SpeakerConnection,
    description:
      'Speakers by slug; with `search`, those whose name or an alias resembles it (accents, case and small typos ignored), best match first.',
    args: {
      ...t.arg.connectionArgs(),
      search: t.arg.string({ description: 'A name or alias, or part of one ("Sheinbam", "Hernandez Ochoa").' }),
      kind: t.arg({ type: SpeakerKindEnum, description: 'Only speakers of this kind.' }),
    },
    resolve: (_root, args, ctx, info) => {
      const list: ListDef<{ node: SpeakerRow }> = {
        source: namedList(SPEAKER, speakerOrder, args),
        item: (row) => ({ node: row.row as SpeakerRow }),
      };
      return rootPage(list, args, ctx, info);
    },
  }),
);
