/** A plain-text table with aligned columns; cells that look numeric are right-aligned. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = /^[-+]?[\d.,]+\s*(ms|KB|MB|x|%)?$/;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell = '', column) => (numeric.test(cell) ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
