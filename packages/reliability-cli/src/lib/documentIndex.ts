/**
 * Sloth generates one output document per YAML document of an input file (a file may hold several,
 * separated by `---`). The parser reads whole files, so that OpenSLO objects may reference each
 * other across documents; this maps a parsed SLO back to its document through its line.
 */

/** A `---` at the start of a line separates documents, as in Sloth's `SplitYAML`. */
const SEPARATOR = /^---/;

/**
 * Returns a function giving the 0-based index of the document a 1-based line belongs to.
 *
 * @internal
 */
export function documentIndex(content: string): (line: number) => number {
  const starts: number[] = [];
  content.split(/\r?\n/).forEach((text, index) => {
    if (SEPARATOR.test(text)) {
      starts.push(index + 1);
    }
  });
  return (line: number) => starts.filter(start => start <= line).length;
}
