import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the web app's GraphQL operations, from the API's committed schema
 * (apps/api/schema.graphql). Each folder keeps its operations in a `.graphql`
 * file; the generated module (src/shared/api/generated, not committed) exports
 * one typed document per operation, e.g. `ItemsDocument` with `ItemsQuery` and
 * `ItemsQueryVariables`. An operation asking for a field the schema lacks fails
 * here, so `npm run build`/`typecheck` fail on a renamed API field.
 */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  hooks: { afterAllFileWrite: ['node codegen/compact-documents.mjs'] },
  generates: {
    'src/shared/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as plain strings (our client POSTs them as text): no GraphQL AST in the bundle.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { DateTime: 'string', ID: 'string' },
      },
    },
  },
};

export default config;
