import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/config';
import { resolversOf, SCHEMA_FILE, schemaFileText } from '../schema/schema-file';

/**
 * `npm run schema:write` writes the code-first GraphQL schema to
 * apps/api/schema.graphql; `npm run schema:check` fails when they differ.
 * Needs no database: the schema is built from the resolvers alone.
 */
async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== '--write' && mode !== '--check') throw new Error('usage: schema.js --write | --check');
  const root = AppModule.forRoot(loadConfig({ NODE_ENV: 'production' }), 'postgres://unused');
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: ['error', 'warn'] });
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(resolversOf(root));
    const text = schemaFileText(schema);
    const file = relative(process.cwd(), SCHEMA_FILE);
    if (mode === '--write') {
      writeFileSync(SCHEMA_FILE, text);
      console.log(`Wrote ${file}.`);
    } else if (!existsSync(SCHEMA_FILE) || readFileSync(SCHEMA_FILE, 'utf8') !== text) {
      console.error(`${file} differs from the code-first schema: run \`npm run schema:write\` and commit it.`);
      process.exitCode = 1;
    } else {
      console.log(`${file} matches the code-first schema.`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
