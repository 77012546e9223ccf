// Prints the API's GraphQL schema (SDL) from the code-first resolvers in the built API
// (apps/api/dist), the way the API builds it (NestJS GraphQLSchemaFactory, sorted), to
// apps/api/schema.graphql. Stand-in until the API commits that file itself (issue 19).
// Usage: npx nx run api:build && node apps/web/codegen/print-api-schema.cjs
require('reflect-metadata');
const { readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { NestFactory } = require('@nestjs/core');
const { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } = require('@nestjs/graphql');
const { lexicographicSortSchema, printSchema } = require('graphql');

const API = join(__dirname, '../../api');
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.resolver\.js$/.test(name) ? [path] : [];
  });
}

async function main() {
  const resolvers = files(join(API, 'dist')).flatMap((file) => Object.values(require(file)).filter((v) => typeof v === 'function' && /Resolver$/.test(v.name)));
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(resolvers);
  writeFileSync(join(API, 'schema.graphql'), printSchema(lexicographicSortSchema(schema)) + '\n');
  await app.close();
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
