import type { YamlObject } from '../../yaml/YamlObject';
import type { OpenSloV1Kind, OpenSloV1Object } from './schema';

/**
 * A standalone OpenSLO v1 object as read: its name (even when invalid, so that references to it
 * can say "has errors" rather than "does not exist") and its data when it is valid.
 *
 * @internal
 */
export interface OpenSloV1Entry<Kind extends OpenSloV1Kind = OpenSloV1Kind> {
  kind: Kind;
  name?: string;
  object: YamlObject;
  data?: OpenSloV1Object<Kind>;
}

/**
 * Finds standalone objects by kind and name across every file parsed together.
 *
 * @internal
 */
export interface OpenSloV1Lookup {
  /** The severity of a reference to an alert object that no file defines. */
  readonly unresolvedAlertReferences: 'error' | 'warning';
  find<Kind extends OpenSloV1Kind>(
    kind: Kind,
    name: string,
  ): OpenSloV1Entry<Kind> | undefined;
}

/**
 * Where an object was defined, for messages: `slos/web.yaml:12`.
 *
 * @internal
 */
export function definedAt(entry: OpenSloV1Entry): string {
  const { file, line } = entry.object.location([]);
  return `${file}:${line}`;
}
