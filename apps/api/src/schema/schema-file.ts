import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'node:path';

/**
 * The GraphQL contract, committed as `apps/api/schema.graphql` (sorted SDL) so
 * every API change shows in review and the web app's types are generated from
 * it. `npm run schema:write` writes it, `npm run schema:check` (part of
 * `npm test`) fails when the code-first schema and the file differ.
 */
export const SCHEMA_FILE = join(__dirname, '../../schema.graphql');

const HEADER =
  '# The GraphQL contract of the Spiraal API, generated from the code-first schema.\n# Do not edit: run `npm run schema:write` after changing a resolver, type or input.\n\n';

/** The file's text for a schema: sorted, so the order of declarations in code does not matter. */
export function schemaFileText(schema: GraphQLSchema): string {
  return `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
}

type ModuleRef = Type<unknown> | DynamicModule | ForwardReference | Promise<DynamicModule>;

/**
 * Every resolver class provided anywhere under a module, found the way Nest
 * finds them (module imports and providers), without starting anything.
 */
export function resolversOf(root: DynamicModule): Type<unknown>[] {
  const seen = new Set<unknown>();
  const resolvers = new Set<Type<unknown>>();
  const visit = (ref: ModuleRef | undefined): void => {
    // Async dynamic modules (a Promise) are not used by this API.
    if (!ref || ref instanceof Promise || seen.has(ref)) return;
    seen.add(ref);
    if ('forwardRef' in ref) return visit(ref.forwardRef() as ModuleRef);
    const dynamic = 'module' in ref ? ref : null;
    const moduleClass = dynamic ? dynamic.module : (ref as Type<unknown>);
    const imports: ModuleRef[] = [
      ...((Reflect.getMetadata('imports', moduleClass) as ModuleRef[] | undefined) ?? []),
      ...(dynamic?.imports ?? []),
    ];
    const providers: unknown[] = [
      ...((Reflect.getMetadata('providers', moduleClass) as unknown[] | undefined) ?? []),
      ...(dynamic?.providers ?? []),
    ];
    for (const provider of providers) {
      // A resolver carries this metadata even when its value is undefined (`@Resolver()`).
      if (typeof provider === 'function' && Reflect.hasOwnMetadata(RESOLVER_TYPE_METADATA, provider))
        resolvers.add(provider as Type<unknown>);
    }
    imports.forEach(visit);
  };
  visit(root);
  return [...resolvers];
}
