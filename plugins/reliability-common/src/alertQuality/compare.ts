/** Orders strings by UTF-16 code units, the same everywhere (unlike `localeCompare`). */
export function compareStrings(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
