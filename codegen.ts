/**
 * graphql-codegen for the typed client example: TypedDocumentNodes and result/variable types for
 * the persisted operations (operations/*.graphql), from schema.graphql. `npm run codegen`;
 * tests/examples/client.test.ts fails when the committed output is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'examples/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { Date: 'string' },
        useTypeImports: true,
        // Imports end in .js, as NodeNext module resolution requires.
        emitLegacyCommonJSImports: false,
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
