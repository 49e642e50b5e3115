import fs from 'node:fs';
import path from 'node:path';

/**
 * Filters of a directory walk; exclude wins over include, as in Sloth.
 *
 * @internal
 */
export interface DiscoverFilter {
  exclude?: RegExp;
  include?: RegExp;
}

/**
 * Lists the YAML files (`.yml`, `.yaml`) under a directory, recursively and in lexical order as
 * Go's `filepath.Walk` visits them, so that outputs come in the order Sloth writes them. The
 * regular expressions are matched against the path as walked (the directory joined with the
 * relative path), as Sloth's `--fs-exclude` and `--fs-include` are.
 *
 * @internal
 */
export function discoverYamlFiles(
  dir: string,
  filter: DiscoverFilter = {},
): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    const entries = fs
      .readdirSync(current, { withFileTypes: true })
      // Byte order, as Go sorts names; localeCompare would order case and accents differently.
      .sort((a, b) => Number(a.name > b.name) - Number(a.name < b.name));
    for (const entry of entries) {
      const entryPath = path.join(current, entry.name);
      if (entry.isDirectory()) {
        walk(entryPath);
        continue;
      }
      const extension = path.extname(entry.name).toLowerCase();
      if (extension !== '.yml' && extension !== '.yaml') {
        continue;
      }
      if (filter.exclude?.test(entryPath)) {
        continue;
      }
      if (filter.include && !filter.include.test(entryPath)) {
        continue;
      }
      found.push(entryPath);
    }
  };
  walk(dir);
  return found;
}
