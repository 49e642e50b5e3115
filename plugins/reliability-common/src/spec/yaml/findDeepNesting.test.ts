import { findDeepNesting } from './findDeepNesting';

describe('findDeepNesting', () => {
  it('finds nothing in a usual spec file', () => {
    const text = [
      'apiVersion: openslo/v1',
      'kind: SLO',
      'metadata: { name: "a [b", labels: { team: [x, y] } } # ]]]]',
      'spec:',
      '  objectives:',
      '    - - target: 0.99',
      '        ratio: sum(rate(x{code=~"5.."}[5m]))',
      '  description: |',
      '    text with [[[ brackets',
    ].join('\n');
    expect(findDeepNesting(text, 8)).toBeUndefined();
  });

  it('counts flow brackets, block indentation and compact indicators', () => {
    expect(findDeepNesting('a: [[[1]]]', 3)).toEqual({
      line: 1,
      column: 6,
      depth: 4,
    });
    expect(findDeepNesting('a:\n b:\n  c:\n   d: 1', 3)).toEqual({
      line: 4,
      column: 4,
      depth: 4,
    });
    expect(findDeepNesting('- - - x', 3)).toEqual({
      line: 1,
      column: 7,
      depth: 4,
    });
  });

  it('closes levels when the indentation goes back', () => {
    const text = Array.from({ length: 50 }, () => 'a:\n  b:\n    c: 1').join(
      '\n',
    );
    expect(findDeepNesting(text, 3)).toBeUndefined();
  });
});
