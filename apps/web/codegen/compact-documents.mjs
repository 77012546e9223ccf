// After GraphQL Code Generator: documents as small plain strings.
// The client preset (documentMode 'string') wraps each document in
// `new TypedDocumentString(…)`, a String subclass, pretty-printed. Our client only
// POSTs the text, so each becomes a plain string literal carrying the same static
// type (`as unknown as TypedDocumentString<Result, Variables>` stays), without
// insignificant whitespace (graphql's own stripIgnoredCharacters). Plain literals
// let the bundler drop every document a chunk does not use, and keep the first
// page's bundle from growing. The preset has no option for either.
import { readFileSync, writeFileSync } from 'node:fs';
import { stripIgnoredCharacters } from 'graphql';

for (const file of process.argv.slice(2)) {
  if (!file.endsWith('graphql.ts')) continue;
  const text = readFileSync(file, 'utf8');
  const compact = text.replace(/new TypedDocumentString\(`([^`]*)`(?:, \{[^}]*\})?\)/g, (_, source) => JSON.stringify(stripIgnoredCharacters(source)));
  if (compact.includes('new TypedDocumentString(')) throw new Error(`${file}: a document was not compacted`);
  writeFileSync(file, compact);
}
