import { builtInScorecardChecks, runbookPresentCheck } from './checks';
import { ScorecardCheckRegistry } from './ScorecardCheckRegistry';

describe('ScorecardCheckRegistry', () => {
  it('gives back checks by id and lists them in order', () => {
    const registry = ScorecardCheckRegistry.create(builtInScorecardChecks);
    expect(registry.get('runbook-present')).toBe(runbookPresentCheck);
    expect(registry.get('nope')).toBeUndefined();
    expect(registry.list().map(check => check.id)).toEqual(
      builtInScorecardChecks.map(check => check.id),
    );
  });

  it('rejects a check whose id is taken', () => {
    const registry = ScorecardCheckRegistry.create(builtInScorecardChecks);
    expect(() => registry.add({ ...runbookPresentCheck })).toThrow(
      'A scorecard check with id "runbook-present" is already registered',
    );
  });

  it('rejects the same id twice in one call and adds none of them', () => {
    const registry = ScorecardCheckRegistry.create();
    const custom = { ...runbookPresentCheck, id: 'custom' };
    expect(() => registry.add(custom, { ...custom })).toThrow('is given twice');
    expect(registry.has('custom')).toBe(false);
  });

  it('rejects ids that are not kebab-case', () => {
    const registry = ScorecardCheckRegistry.create();
    expect(() =>
      registry.add({ ...runbookPresentCheck, id: 'Has Runbook' }),
    ).toThrow('use lower-case kebab-case');
  });

  it('has unique, well-formed ids for every built-in check', () => {
    expect(() =>
      ScorecardCheckRegistry.create(builtInScorecardChecks),
    ).not.toThrow();
    expect(builtInScorecardChecks).toHaveLength(20);
  });
});
