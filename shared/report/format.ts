/** Small rules every format follows alike, so the PDF and the Markdown say the same thing. */

/** "12 dots", "1 dot", "0 votes": a count with what it counts. */
export function countLabel(count: number, unit: string): string {
  const one = count === 1 && /[^s]s$/.test(unit);
  return `${count} ${one ? unit.slice(0, -1) : unit}`.trim();
}

/** A table's header, with an unnamed column for each cell a row has beyond it (no cell is dropped). */
export function tableColumns(columns: string[], rows: string[][]): string[] {
  const extra = Math.max(0, ...rows.map((r) => r.length - columns.length));
  return [...columns, ...Array<string>(extra).fill('')];
}
