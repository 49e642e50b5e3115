import { documentIndex } from './documentIndex';

describe('documentIndex', () => {
  it('maps lines to the YAML document they belong to', () => {
    const indexOf = documentIndex('---\na: 1\n---\nb: 2\nc: 3\n---\n');
    expect([1, 2, 3, 4, 5, 6].map(indexOf)).toEqual([1, 1, 2, 2, 2, 3]);
  });

  it('puts everything in document 0 when there is no separator', () => {
    expect(documentIndex('a: 1\nb: |\n  ---x\n')(3)).toBe(0);
  });
});
