import { count, listSome } from './outcomes';

describe('listSome', () => {
  it('names up to three items in words', () => {
    expect(listSome([])).toBe('');
    expect(listSome(['a'])).toBe('a');
    expect(listSome(['a', 'b'])).toBe('a and b');
    expect(listSome(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('names the first items of a longer list and counts the rest', () => {
    expect(listSome(['a', 'b', 'c', 'd'])).toBe('a, b, c and 1 more');
    expect(listSome(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c and 3 more');
  });

  it('shows as many items as asked', () => {
    expect(listSome(['a', 'b'], 2)).toBe('a and b');
    expect(listSome(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
    expect(listSome(['a', 'b', 'c', 'd', 'e'], 4)).toBe(
      'a, b, c, d and 1 more',
    );
  });
});

describe('count', () => {
  it('uses the singular for one only', () => {
    expect(count(0, 'SLO')).toBe('0 SLOs');
    expect(count(1, 'SLO')).toBe('1 SLO');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
});
