import { compareStrings } from './compare';

describe('compareStrings', () => {
  it('orders by UTF-16 code units, the same in every locale', () => {
    expect(compareStrings('a', 'b')).toBe(-1);
    expect(compareStrings('b', 'a')).toBe(1);
    expect(compareStrings('a', 'a')).toBe(0);
    // Code units, not a collation: upper case before lower case, accents after z.
    expect(['é', 'b', 'Z', 'a'].sort(compareStrings)).toEqual([
      'Z',
      'a',
      'b',
      'é',
    ]);
    expect(compareStrings('ab', 'a')).toBe(1);
  });
});
