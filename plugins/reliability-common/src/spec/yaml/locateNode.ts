import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Node,
  Pair,
} from 'yaml';
import type { PathSegment } from './path';

/**
 * Which part of a mapping entry a problem is about: its value (a wrong type, a bad number) or its
 * key (an unknown or duplicated field).
 *
 * @internal
 */
export type NodeTarget = 'value' | 'key';

/**
 * The node a path leads to, or the closest existing ancestor when the path names something
 * missing (a required field), so that the problem still points at the right place.
 *
 * @internal
 */
export function locateNode(
  document: Document,
  root: Node | null | undefined,
  path: readonly PathSegment[],
  target: NodeTarget = 'value',
): Node | undefined {
  let current: Node | null | undefined = root;
  // The key of the entry holding `current`: a missing field is reported on its parent's key line
  // (`spec:`), which is where a reader looks for it.
  let holderKey: Node | undefined;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    const last = index === path.length - 1;
    if (isAlias(current)) {
      current = current.resolve(document) as Node | undefined;
    }
    let entry: Pair<unknown, unknown> | undefined;
    if (isMap(current)) {
      entry = current.items.find(pair => keyText(pair.key) === String(segment));
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment];
      if (isPair(item)) {
        entry = item;
      } else {
        current = item as Node | undefined;
        holderKey = undefined;
        if (current === undefined) {
          return undefined;
        }
        continue;
      }
    }
    if (!entry) {
      return holderKey ?? current ?? undefined;
    }
    const key = entry.key as Node | null;
    const value = entry.value as Node | null;
    if (last && target === 'key') {
      return key ?? value ?? current ?? undefined;
    }
    holderKey = key ?? undefined;
    // `field:` with no value has no node of its own; its key is the place to point at.
    current = value ?? key;
  }
  // A mapping or list starts at its first child, often a line below; its key is where the reader
  // looks for it.
  if ((isMap(current) || isSeq(current)) && holderKey) {
    return holderKey;
  }
  return current ?? undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) {
    return String(key.value);
  }
  return typeof key === 'string' ? key : undefined;
}
