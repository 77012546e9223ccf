import { BackupError } from './backup-format';

export interface ForeignKey {
  table: string;
  references: string;
}

/**
 * The tables in an order in which each comes after the tables it refers to,
 * so rows can be loaded as they come with every constraint checked. A table
 * referring to itself is fine (COPY checks at the end of the statement); a
 * cycle between tables is refused. Ties are alphabetical, so the order is stable.
 */
export function foreignKeyOrder(tables: string[], foreignKeys: ForeignKey[]): string[] {
  const known = new Set(tables);
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { table, references } of foreignKeys) {
    if (table !== references && known.has(table) && known.has(references)) needs.get(table)!.add(references);
  }
  const ordered: string[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = [...needs].filter(([t, deps]) => !done.has(t) && [...deps].every((d) => done.has(d))).map(([t]) => t);
    if (!ready.length) {
      const stuck = tables.filter((t) => !done.has(t));
      throw new BackupError(
        `The foreign keys between ${stuck.join(', ')} form a cycle; these tables cannot be loaded in order.`,
      );
    }
    for (const t of ready.sort()) {
      ordered.push(t);
      done.add(t);
    }
  }
  return ordered;
}
