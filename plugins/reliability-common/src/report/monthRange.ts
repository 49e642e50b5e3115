/**
 * The UTC bounds of a calendar month `YYYY-MM`; `undefined` when it is not one.
 *
 * @public
 */
export function monthRange(
  month: string,
): { from: Date; to: Date } | undefined {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return undefined;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    from: new Date(Date.UTC(year, index, 1)),
    to: new Date(Date.UTC(year, index + 1, 1)),
  };
}

/**
 * The month `YYYY-MM` (UTC) that contains `atMs`.
 *
 * @public
 */
export function monthOf(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 7);
}
