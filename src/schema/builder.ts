/** The Pothos builder and its plugins; types are defined in the domain files beside this one. */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';
import { badUserInput } from './errors.js';
import { decodeGlobalId, encodeGlobalId } from './ids.js';

/** The most ids `nodes(ids:)` takes. */
export const MAX_NODE_IDS = 100;

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  /** Every connection also reports how many rows match, whatever the page. */
  Connection: { totalCount: number };
  Scalars: {
    Date: { Input: string; Output: string };
  };
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, id),
    decodeGlobalID: (globalId) => decodeGlobalId(globalId),
    nodesOnConnection: { description: 'The nodes of this page, in order: a shortcut for `edges { node }`.' },
    edgesFieldOptions: { description: 'The edges of this page, in order, each with its cursor.' },
    nodeFieldOptions: { description: 'The item at the end of this edge.' },
    cursorFieldOptions: {
      description:
        'Opaque cursor of this edge: pass it as `after` or `before`. It encodes the sort key, so it stays valid as rows are added.',
    },
    pageInfoFieldOptions: { description: 'Where this page stands in the whole list.' },
    pageInfoTypeOptions: { description: 'Relay page information: whether more items exist on either side, and the cursors of both ends.' },
    hasNextPageFieldOptions: { description: 'True when more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first edge of this page; null when the page is empty.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge of this page; null when the page is empty.' },
    firstArgOptions: { description: 'Return at most this many items from the start (after `after`). At most 100; defaults to 20.' },
    lastArgOptions: { description: 'Return at most this many items from the end (before `before`). At most 100.' },
    afterArgOptions: { description: 'Return items after this cursor.' },
    beforeArgOptions: { description: 'Return items before this cursor.' },
    nodeTypeOptions: { description: 'An entity with a global id, fetchable with `node(id)`.' },
    idFieldOptions: { description: 'Global id: stable, opaque, accepted by `node(id)` and `nodes(ids)`.' },
    nodeQueryOptions: {
      description: 'Fetches any entity by its global id; null when no such entity exists.',
      args: { id: { description: 'A global id, as returned in any `id` field.' } },
    },
    nodesQueryOptions: {
      description: `Fetches several entities by their global ids: each id once, in the order first asked (a repeated id is answered once), at most ${MAX_NODE_IDS} ids; null for each id with no entity.`,
      args: { ids: { description: `Global ids, as returned in \`id\` fields; at most ${MAX_NODE_IDS}.` } },
      // A tiny request must not ask for a huge answer: 6,000 copies of one article's id once made 63 MB.
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        if (args.ids.length > MAX_NODE_IDS) {
          throw badUserInput(`\`ids\` may hold at most ${MAX_NODE_IDS} ids (got ${args.ids.length}).`, {
            argument: 'ids',
            maximum: MAX_NODE_IDS,
          });
        }
        const seen = new Set<string>();
        const distinct = args.ids.filter(({ typename, id }) => !seen.has(`${typename}:${id}`) && Boolean(seen.add(`${typename}:${id}`)));
        // The plugin's resolveNodes reads `args.ids` whatever it is passed: both are the distinct ids.
        args.ids = distinct;
        return resolveNodes(distinct);
      },
    },
  },
});

/** The builder's schema types, for helpers that take a field builder. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.queryType({ description: 'The root of every read: articles, speakers, quotes, organizations, events and search.' });
