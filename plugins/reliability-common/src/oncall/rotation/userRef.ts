/**
 * User entity refs as `@backstage/catalog-model` reads and writes them (`parseEntityRef` with
 * kind `user` and namespace `default` by default, `stringifyEntityRef` in lower case). Common
 * does not depend on catalog-model, and these few rules are stable, so they are repeated here.
 */

/** catalog-model's `isValidObjectName`: what a user entity's `metadata.name` may be. */
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** catalog-model's `isValidNamespace`: a DNS label. */
const NAMESPACE = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;
const MAX_PART_LENGTH = 63;

const FORM =
  'write a user name such as "jane" or a ref such as "user:default/jane"';

/**
 * A user entity ref in its full, lower-case form (`user:default/jane`), or why the text is not one.
 *
 * @public
 */
export type UserRefResult = { ref: string } | { error: string };

/**
 * Normalises `jane`, `default/jane` and `User:default/Jane` to `user:default/jane`. Refs to
 * other kinds, empty parts and names the catalog would not accept are errors that say how to fix
 * them.
 *
 * @public
 */
export function normalizeUserEntityRef(text: string): UserRefResult {
  const ref = text.trim();
  if (ref === '') {
    return { error: `the user is empty: ${FORM}` };
  }
  // As parseEntityRef: a colon after the first slash belongs to the name.
  let colon = ref.indexOf(':');
  const slash = ref.indexOf('/');
  if (slash !== -1 && slash < colon) {
    colon = -1;
  }
  const kind = colon === -1 ? 'user' : ref.slice(0, colon);
  const namespace = slash === -1 ? 'default' : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon + 1, slash + 1));
  if (kind === '' || namespace === '' || name === '') {
    return {
      error: `"${ref}" is not a ref of the form [user:][namespace/]name: ${FORM}`,
    };
  }
  if (kind.toLowerCase() !== 'user') {
    return {
      error: `"${ref}" refers to a ${kind}, but only users can be on call: ${FORM}`,
    };
  }
  const lowerNamespace = namespace.toLowerCase();
  if (
    lowerNamespace.length > MAX_PART_LENGTH ||
    !NAMESPACE.test(lowerNamespace)
  ) {
    return {
      error: `"${ref}" has the namespace "${namespace}", which is not a valid catalog namespace (letters, digits and dashes, at most 63)`,
    };
  }
  if (name.length > MAX_PART_LENGTH || !NAME.test(name)) {
    const hint = name.includes('@')
      ? '; it looks like an email address: write the user entity\'s name instead (e.g. "jane.doe")'
      : ' (letters, digits, "-", "_" and ".", starting and ending with a letter or digit, at most 63)';
    return {
      error: `"${ref}" has the name "${name}", which is not a valid user entity name${hint}`,
    };
  }
  return { ref: `user:${lowerNamespace}/${name.toLowerCase()}` };
}
