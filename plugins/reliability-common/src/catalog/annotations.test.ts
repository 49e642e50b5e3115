import { parseReliabilityTier, splitSloLocations } from './annotations';

describe('parseReliabilityTier', () => {
  it.each([
    ['1', 1],
    ['4', 4],
    ['tier-2', 2],
    [' Tier-3 ', 3],
  ])('reads %j as tier %d', (value, tier) => {
    expect(parseReliabilityTier(value)).toBe(tier);
  });

  it.each(['0', '5', 'tier1', 'gold', ''])('rejects %j', value => {
    expect(parseReliabilityTier(value)).toBeUndefined();
  });
});

describe('splitSloLocations', () => {
  it('splits on commas and trims, keeping empty entries for the validator', () => {
    expect(splitSloLocations(' a.yaml,b.yaml ,, ')).toEqual([
      'a.yaml',
      'b.yaml',
      '',
      '',
    ]);
  });
});
