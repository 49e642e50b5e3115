/**
 * The `sloth_version` label value and header version of generated rules: says which tool and
 * release generated them, as Sloth puts its own version there.
 *
 * @internal
 */
export function generatorVersion(): string {
  return `reliability-cli/${cliVersion()}`;
}

/**
 * The CLI's own version, from its package.json.
 *
 * @internal
 */
export function cliVersion(): string {
  return require('../../package.json').version;
}
