/** Python's isoformat() of a UTC datetime: microseconds only when there are some. */
export function isoTimestamp(ms: number): string {
  const d = new Date(Math.round(ms));
  if (Number.isNaN(d.getTime())) return String(ms);
  const [whole, frac] = d.toISOString().slice(0, -1).split('.') as [string, string];
  return `${whole}${frac === '000' ? '' : `.${frac}000`}+00:00`;
}
