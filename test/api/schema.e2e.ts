import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { SCHEMA_FILE, schemaFileText } from '../../apps/api/src/schema/schema-file';
import { startTestApp, TestApp } from '../support/test-app';

// The committed contract (apps/api/schema.graphql) is what the running API
// serves: `npm run schema:check` builds it from the resolvers alone, this
// test from the real application, so the two ways cannot drift apart.
describe('GraphQL contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('apps/api/schema.graphql is the schema the API serves (npm run schema:write updates it)', () => {
    const served = schemaFileText(t.app.get(GraphQLSchemaHost).schema);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(served);
  });
});
