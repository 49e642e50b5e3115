import { InvalidArgumentError } from 'commander';

/**
 * Collects repeated `key=value` options into a map, as Sloth's `--extra-labels` does: the value is
 * everything after the first `=`, and a later key wins.
 *
 * @internal
 */
export function collectKeyValue(
  text: string,
  previous: Record<string, string> = {},
): Record<string, string> {
  const at = text.indexOf('=');
  if (at <= 0) {
    throw new InvalidArgumentError(`expected key=value, got "${text}".`);
  }
  return { ...previous, [text.slice(0, at)]: text.slice(at + 1) };
}
