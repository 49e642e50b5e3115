/**
 * Where a YAML text first nests collections deeper than a limit, found by one linear scan of its
 * lines, before the text reaches the YAML parser.
 *
 * The parser composes nested collections recursively: about a thousand levels (2 KB of `[[[...`
 * or `- - - ...`) exhaust the call stack, and on Node 22 the next parse can then abort the whole
 * process ("RegExpCompiler Allocation failed - process out of memory") instead of throwing. Files
 * written by people nest a dozen levels, so deeper input is refused up front.
 *
 * The scan over-counts rather than under-counts: it follows block indentation (each deeper
 * indentation or `- `/`? `/`: ` indicator opens a level) and flow brackets outside quotes and
 * comments, and ignores what YAML would treat as text, such as brackets in block scalars, which
 * only matter when unbalanced by the hundred.
 *
 * @internal
 */
export function findDeepNesting(
  text: string,
  limit: number,
): { line: number; column: number; depth: number } | undefined {
  const blockLevels: number[] = [];
  let flowDepth = 0;
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    let position = 0;
    if (flowDepth === 0) {
      const indicators = /^( *)((?:[-?:](?=[ \t]|$)[ \t]*)*)/.exec(line)!;
      const rest = line.slice(indicators[0].length);
      if (rest === '' && indicators[2] === '') {
        continue;
      }
      if (rest.startsWith('#') && indicators[2] === '') {
        continue;
      }
      // Each indicator of a compact chain (`- - a`) and the content after it opens a level at
      // its column; a column at or left of an open level closes it.
      const columns = [indicators[1].length];
      for (const match of indicators[2].matchAll(/[-?:][ \t]*/g)) {
        columns.push(
          indicators[1].length + (match.index ?? 0) + match[0].length,
        );
      }
      for (const column of columns) {
        while (
          blockLevels.length > 0 &&
          blockLevels[blockLevels.length - 1] >= column
        ) {
          blockLevels.pop();
        }
        blockLevels.push(column);
        if (blockLevels.length > limit) {
          return {
            line: index + 1,
            column: column + 1,
            depth: blockLevels.length,
          };
        }
      }
      position = indicators[0].length;
    }
    let quote: string | undefined;
    for (; position < line.length; position++) {
      const char = line[position];
      const before = position === 0 ? ' ' : line[position - 1];
      if (quote) {
        if (char === quote) {
          quote = undefined;
        }
        continue;
      }
      if (char === '#' && /\s/.test(before)) {
        break;
      }
      if ((char === '"' || char === "'") && /[\s[{,:]/.test(before)) {
        quote = char;
      } else if (char === '[' || char === '{') {
        flowDepth++;
        if (blockLevels.length + flowDepth > limit) {
          return {
            line: index + 1,
            column: position + 1,
            depth: blockLevels.length + flowDepth,
          };
        }
      } else if ((char === ']' || char === '}') && flowDepth > 0) {
        flowDepth--;
      }
    }
  }
  return undefined;
}
