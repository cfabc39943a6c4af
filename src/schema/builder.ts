/** The Pothos builder and its plugins; types are defined in the domain files beside this one. */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
  };
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      description: 'Fetches any entity by its global id.',
    },
    nodesQueryOptions: {
      description: 'Fetches several entities by their global ids, in the order asked.',
    },
  },
});

builder.queryType({ description: 'The root of every read: articles, speakers, quotes, organizations, events and search.' });
