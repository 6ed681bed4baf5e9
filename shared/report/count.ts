/** "12 dots", "1 dot", "0 votes": a count with what it counts, the same in every format. */
export function countLabel(count: number, unit: string): string {
  const one = count === 1 && /[^s]s$/.test(unit);
  return `${count} ${one ? unit.slice(0, -1) : unit}`.trim();
}
