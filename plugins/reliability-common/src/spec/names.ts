/**
 * Name rules shared by the formats. Sloth's rule applies to every SLO id, name and service,
 * because they end up in Prometheus rule group names and label values.
 */

/**
 * Sloth's `NameRegexp`: starts and ends with a letter or digit; letters, digits, `.`, `_`, `-`.
 *
 * @internal
 */
export const SLOTH_NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]*[A-Za-z0-9]$/;

/**
 * What {@link SLOTH_NAME} requires, for messages.
 *
 * @internal
 */
export const SLOTH_NAME_RULE =
  'must be at least two characters, start and end with a letter or digit, and contain only letters, digits, ".", "_" and "-"';

/**
 * An RFC 1123 label, which OpenSLO requires for object names and references.
 *
 * @internal
 */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * What {@link DNS_LABEL} requires, for messages.
 *
 * @internal
 */
export const DNS_LABEL_RULE =
  'must be an RFC 1123 name: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit';
