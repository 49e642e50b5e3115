import { healthyFacts, runCheck } from '../__testUtils__/facts';
import { entityPredicateCheck } from './entityPredicate';

describe('entity-predicate', () => {
  const facts = healthyFacts();

  it('exists: passes for a set annotation whose key contains dots', () => {
    expect(
      runCheck(entityPredicateCheck, facts, {
        path: 'metadata.annotations.backstage.io/techdocs-ref',
        op: 'exists',
      }),
    ).toEqual({
      status: 'pass',
      message: 'metadata.annotations.backstage.io/techdocs-ref is "dir:."',
    });
  });

  it('exists: fails for a missing field', () => {
    expect(
      runCheck(entityPredicateCheck, facts, {
        path: 'metadata.annotations.sonarqube.org/project-key',
        op: 'exists',
      }),
    ).toEqual({
      status: 'fail',
      message: 'metadata.annotations.sonarqube.org/project-key is not set',
    });
  });

  it('equals: compares as text', () => {
    const params = { path: 'spec.type', op: 'equals', value: 'service' };
    expect(runCheck(entityPredicateCheck, facts, params).status).toBe('pass');
    expect(
      runCheck(entityPredicateCheck, facts, { ...params, value: 'website' }),
    ).toEqual({
      status: 'fail',
      message: 'spec.type is "service", not "website"',
    });
  });

  it('equals: passes when one item of a list equals the value', () => {
    const params = { path: 'metadata.tags', op: 'equals', value: 'payments' };
    expect(runCheck(entityPredicateCheck, facts, params).status).toBe('pass');
  });

  it('matches: tests the compiled pattern', () => {
    const params = { path: 'spec.owner', op: 'matches', value: '^pay' };
    expect(runCheck(entityPredicateCheck, facts, params).status).toBe('pass');
    expect(
      runCheck(entityPredicateCheck, facts, { ...params, value: '^team-' }),
    ).toEqual({
      status: 'fail',
      message: 'spec.owner is "payments", which does not match ^team-',
    });
  });

  it('matches: is unknown for a value too long to test safely', () => {
    const long = healthyFacts({
      raw: { spec: { note: 'a'.repeat(5000) } },
    });
    const params = { path: 'spec.note', op: 'matches', value: 'b$' };
    expect(runCheck(entityPredicateCheck, long, params).status).toBe('unknown');
  });

  it('in: passes for an allowed value', () => {
    const params = {
      path: 'spec.lifecycle',
      op: 'in',
      value: ['production', 'deprecated'],
    };
    expect(runCheck(entityPredicateCheck, facts, params).status).toBe('pass');
    expect(
      runCheck(entityPredicateCheck, facts, {
        ...params,
        value: ['experimental'],
      }).status,
    ).toBe('fail');
  });

  it('rejects patterns with nested repetition', () => {
    const parsed = entityPredicateCheck.paramsSchema.safeParse({
      path: 'metadata.name',
      op: 'matches',
      value: '^(a+)+$',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['value'],
      message: expect.stringContaining('repeats a group that itself repeats'),
    });
  });

  it('rejects invalid and overlong patterns', () => {
    const invalid = entityPredicateCheck.paramsSchema.safeParse({
      path: 'metadata.name',
      op: 'matches',
      value: '([a-z',
    });
    expect(invalid.error?.issues[0].message).toContain(
      'not a valid regular expression',
    );
    const long = entityPredicateCheck.paramsSchema.safeParse({
      path: 'metadata.name',
      op: 'matches',
      value: 'a'.repeat(201),
    });
    expect(long.error?.issues[0].message).toContain('longer than 200');
  });

  it('requires a value for equals and an empty-segment-free path', () => {
    const parsed = entityPredicateCheck.paramsSchema.safeParse({
      path: 'spec..type',
      op: 'equals',
    });
    expect(parsed.error?.issues.map(issue => issue.path)).toEqual([
      ['path'],
      ['value'],
    ]);
  });
});
