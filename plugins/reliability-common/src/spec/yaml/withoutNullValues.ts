/**
 * Thrown when data refers to itself (a YAML alias inside its own anchor), which no spec needs and
 * which would make every later step loop forever.
 *
 * @internal
 */
export class CircularDataError extends Error {
  constructor() {
    super(
      'the document refers to itself through an alias (*name inside &name)',
    );
  }
}

/**
 * Removes `null` values from mappings, recursively. YAML writes an empty field as `field:` (null),
 * and the Go tools whose files we accept (the OpenSLO SDK, Sloth) treat null as "not set", so a
 * field left empty must validate like a field left out. List items stay as they are: a `null` in
 * a list is an error worth reporting. Throws {@link CircularDataError} on self-referencing data.
 *
 * @internal
 */
export function withoutNullValues(
  value: unknown,
  ancestors: Set<object> = new Set(),
): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (ancestors.has(value)) {
    throw new CircularDataError();
  }
  ancestors.add(value);
  let result: unknown;
  if (Array.isArray(value)) {
    result = value.map(item => withoutNullValues(item, ancestors));
  } else {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== null && item !== undefined) {
        // Defined, not assigned: assigning a `__proto__` key would set the copy's prototype, and
        // the fields under it would be inherited and validated as if written on the mapping.
        Object.defineProperty(copy, key, {
          value: withoutNullValues(item, ancestors),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    result = copy;
  }
  ancestors.delete(value);
  return result;
}
