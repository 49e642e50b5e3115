import { formatSpecPath } from './path';

describe('formatSpecPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(formatSpecPath(['spec', 'objectives', 0, 'target'])).toBe(
      'spec.objectives[0].target',
    );
  });

  it('starts with an index for items of a top-level list', () => {
    expect(formatSpecPath([1, 'spec', 'service'])).toBe('[1].spec.service');
  });

  it('quotes keys that are not plain words', () => {
    expect(
      formatSpecPath(['metadata', 'annotations', 'reliability/slos']),
    ).toBe('metadata.annotations["reliability/slos"]');
  });

  it('gives the empty string for the document itself', () => {
    expect(formatSpecPath([])).toBe('');
  });
});
