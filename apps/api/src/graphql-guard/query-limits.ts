import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLObjectType,
  GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';

/** What a single GraphQL request may ask (OWASP ASVS: GraphQL limits). */
export const QUERY_LIMITS = {
  maxTokens: 1_000,
  maxDepth: 8,
  maxAliases: 15,
  /** Each field costs 1; a list multiplies what is inside it by its page size. */
  maxCost: 10_000,
  /** The page size assumed for a list without `first` or `limit`. */
  defaultListSize: 20,
  /** Larger page sizes are refused by the resolvers themselves (BAD_USER_INPUT), so they count as this. */
  maxListSize: 100,
};

export type QueryLimits = typeof QUERY_LIMITS;

/**
 * Checks an operation against the limits, before it runs: depth of nested
 * fields, number of aliases, and an estimated cost. Returns the reason for a
 * refusal, or null. Introspection fields (`__schema`, `__type`) count as
 * leaves, so tools may introspect where introspection is on.
 */
export function checkLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits = QUERY_LIMITS,
): string | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return null; // GraphQL itself reports an unknown or ambiguous operation
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return null;

  let aliases = 0;
  let deepest = 0;
  // `listSize`: a connection's `first` applies to the list inside it (items(first: 50) { edges }).
  const walk = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    depth: number,
    seen: Set<string>,
    listSize: number | null = null,
  ): number => {
    deepest = Math.max(deepest, depth);
    if (depth > limits.maxDepth) return Infinity;
    let cost = 0;
    for (const selection of set.selections) {
      // Fragments spreading fragments multiply: stop as soon as the limit is passed, whatever the rest.
      if (cost > limits.maxCost) return cost;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        cost += fieldCost(selection, type, depth, seen, listSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        cost += walk(selection.selectionSet, isCompositeType(on) ? on : type, depth, seen, listSize);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A fragment that spreads itself is GraphQL's own error; count it once here.
        if (!fragment || seen.has(fragment.name.value)) continue;
        const on = schema.getType(fragment.typeCondition.name.value);
        cost += walk(
          fragment.selectionSet,
          isCompositeType(on) ? on : type,
          depth,
          new Set([...seen, fragment.name.value]),
          listSize,
        );
      }
    }
    return cost;
  };
  const fieldCost = (
    field: FieldNode,
    parent: GraphQLCompositeType,
    depth: number,
    seen: Set<string>,
    listSize: number | null,
  ): number => {
    if (field.name.value.startsWith('__') || !field.selectionSet) return 1;
    const definition = isObjectType(parent) ? (parent as GraphQLObjectType).getFields()[field.name.value] : undefined;
    if (!definition) return 1; // GraphQL itself reports unknown fields
    const type = getNamedType(definition.type);
    const asked = pageSize(field, variables);
    const size = asked === null ? null : Math.min(asked, limits.maxListSize);
    if (isListType(getNullableType(definition.type))) {
      return (
        1 +
        (size ?? listSize ?? limits.defaultListSize) *
          walk(field.selectionSet, isCompositeType(type) ? type : parent, depth + 1, seen)
      );
    }
    return 1 + walk(field.selectionSet, isCompositeType(type) ? type : parent, depth + 1, seen, size);
  };

  const cost = walk(operation.selectionSet, root, 1, new Set());
  if (deepest > limits.maxDepth)
    return `De vraag is te diep genest (hoogstens ${limits.maxDepth}) / The query is nested too deeply (at most ${limits.maxDepth})`;
  if (aliases > limits.maxAliases)
    return `De vraag heeft te veel aliassen (hoogstens ${limits.maxAliases}) / The query has too many aliases (at most ${limits.maxAliases})`;
  if (cost > limits.maxCost)
    return `De vraag vraagt te veel tegelijk (kosten ${cost}, hoogstens ${limits.maxCost}) / The query asks too much at once (cost ${cost}, at most ${limits.maxCost})`;
  return null;
}

/**
 * A list's size from its `first` or `limit` argument, or from a `limit` in an
 * input object (`search(input: { limit })`), literal or in variables; or null.
 */
function pageSize(field: FieldNode, variables: Record<string, unknown>): number | null {
  for (const argument of field.arguments ?? []) {
    const name = argument.name.value;
    const value =
      name === 'first' || name === 'limit'
        ? numberOf(argument.value, variables)
        : argument.value.kind === Kind.OBJECT
          ? numberOf(
              argument.value.fields.find((f) => f.name.value === 'limit' || f.name.value === 'first')?.value,
              variables,
            )
          : argument.value.kind === Kind.VARIABLE
            ? limitIn(variables[argument.value.name.value])
            : null;
    if (value !== null) return Math.max(1, value);
  }
  return null;
}

function limitIn(input: unknown): number | null {
  if (!input || typeof input !== 'object') return null;
  const { limit, first } = input as { limit?: unknown; first?: unknown };
  const value = typeof limit === 'number' ? limit : first;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function numberOf(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const raw = variables[value.name.value];
    return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
  }
  return null;
}
