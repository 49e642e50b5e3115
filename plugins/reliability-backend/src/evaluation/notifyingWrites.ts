/**
 * `store` with each of `methods` followed by `onWrite` once its promise settles, successful or
 * not (a failed transaction may still have committed before its answer was lost). Every other
 * member is the store's own.
 *
 * @internal
 */
export function notifyingWrites<T extends object>(
  store: T,
  methods: ReadonlyArray<keyof T & string>,
  onWrite: () => void,
): T {
  const writes = new Set<string | symbol>(methods);
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') {
        return value;
      }
      if (!writes.has(property)) {
        return value.bind(target);
      }
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } finally {
          onWrite();
        }
      };
    },
  });
}
