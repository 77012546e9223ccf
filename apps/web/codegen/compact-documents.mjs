// After GraphQL Code Generator: each document as a small plain string.
// The client preset (documentMode 'string') writes `new TypedDocumentString(…)`,
// a String subclass, pretty-printed, with the definitions of the fragments it
// uses appended. Our client only POSTs the text, so each document becomes a plain
// string literal with the same static type (`as unknown as TypedDocumentString<…>`
// stays), its fragments spread in place (as the hand-written queries interpolated
// them), without insignificant whitespace. Plain literals let the bundler drop the
// documents a chunk does not use, and the first page's bundle does not grow.
// The preset has no option for any of this.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchema, Kind, parse, print, stripIgnoredCharacters, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

const schema = buildSchema(readFileSync(new URL('../../api/schema.graphql', import.meta.url), 'utf8'));

/** The operation with every fragment spread replaced by the fragment's fields (or `... on T` where the types differ). */
function inlineFragments(source) {
  const document = parse(source);
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operations = document.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION);
  if (operations.length === 0) return source; // a fragment on its own: unused at run time
  let current = { kind: Kind.DOCUMENT, definitions: operations };
  // Spreads inside fragments: repeat until none is left.
  for (let round = 0; round < 10; round++) {
    let spreads = 0;
    const typeInfo = new TypeInfo(schema);
    current = visit(
      current,
      visitWithTypeInfo(typeInfo, {
        SelectionSet(node) {
          if (!node.selections.some((s) => s.kind === Kind.FRAGMENT_SPREAD)) return undefined;
          const parent = typeInfo.getParentType()?.name;
          const selections = node.selections.flatMap((selection) => {
            if (selection.kind !== Kind.FRAGMENT_SPREAD) return [selection];
            spreads++;
            const fragment = fragments.get(selection.name.value);
            if (!fragment) throw new Error(`unknown fragment ${selection.name.value}`);
            if (fragment.typeCondition.name.value === parent) return fragment.selectionSet.selections;
            return [{ kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, selectionSet: fragment.selectionSet }];
          });
          return { ...node, selections };
        },
      }),
    );
    if (spreads === 0) return print(current);
  }
  throw new Error('fragments nest too deep');
}

for (const file of process.argv.slice(2)) {
  if (!file.endsWith('graphql.ts')) continue;
  const text = readFileSync(file, 'utf8');
  const compact = text.replace(/new TypedDocumentString\(`([^`]*)`(?:, \{[^}]*\})?\)/g, (_, source) => JSON.stringify(stripIgnoredCharacters(inlineFragments(source))));
  if (compact.includes('new TypedDocumentString(')) throw new Error(`${file}: a document was not compacted`);
  writeFileSync(file, compact);
}
