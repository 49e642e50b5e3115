import { z } from 'zod';

/**
 * A mapping that accepts only the fields of `shape`. An unknown field is usually a typo, so the
 * problem lists the fields that are allowed.
 *
 * @internal
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
) {
  const fields = Object.keys(shape)
    .map(key => `"${key}"`)
    .join(', ');
  return z.strictObject(shape, {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? `the fields allowed here are ${fields}`
        : undefined,
  });
}
