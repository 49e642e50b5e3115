/**
 * Paths inside a YAML document, written the way people read them: `spec.objectives[0].target`,
 * `metadata.annotations["reliability/slos"]`.
 */

/**
 * One step into a document: a mapping key or a list index.
 *
 * @internal
 */
export type PathSegment = string | number;

/** Keys that read unambiguously after a dot; anything else is quoted in brackets. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Formats a path for `SpecProblem.path`: `spec.objectives[0].target`. Keys that are not
 * plain words (`reliability/slos`, `app.kubernetes.io/name`) are quoted so the path stays
 * unambiguous.
 *
 * @internal
 */
export function formatSpecPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else if (PLAIN_KEY.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${JSON.stringify(segment)}]`;
    }
  }
  return text;
}
