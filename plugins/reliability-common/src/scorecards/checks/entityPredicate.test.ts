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

  describe('which fields count as set', () => {
    const withSpec = (spec: Record<string, unknown>) =>
      healthyFacts({ raw: { spec } as never });

    it.each([
      ['null', null],
      ['an empty string', ''],
      ['an empty list', []],
    ])('fails for a field that is %s', (_name, value) => {
      expect(
        runCheck(entityPredicateCheck, withSpec({ owner: value }), {
          path: 'spec.owner',
          op: 'exists',
        }),
      ).toEqual({ status: 'fail', message: 'spec.owner is not set' });
    });

    it('passes for zero, false and a list with one item', () => {
      for (const value of [0, false, ['x']]) {
        expect(
          runCheck(entityPredicateCheck, withSpec({ owner: value }), {
            path: 'spec.owner',
            op: 'exists',
          }).status,
        ).toBe('pass');
      }
    });

    it('does not look inside lists, strings or null on the way to a field', () => {
      const check = (path: string) =>
        runCheck(
          entityPredicateCheck,
          withSpec({ owner: null, type: 'service', tags: ['java'] }),
          { path, op: 'exists' },
        );
      // tags[0] is "java", 'service'.length is 7: neither is a field of the entity.
      expect(check('spec.tags.0')).toEqual({
        status: 'fail',
        message: 'spec.tags.0 is not set',
      });
      expect(check('spec.type.length')).toEqual({
        status: 'fail',
        message: 'spec.type.length is not set',
      });
      expect(check('spec.owner.name')).toEqual({
        status: 'fail',
        message: 'spec.owner.name is not set',
      });
    });

    it('treats the whole annotations map as a field of its own', () => {
      const result = runCheck(entityPredicateCheck, facts, {
        path: 'metadata.annotations',
        op: 'exists',
      });
      const json = JSON.stringify(
        (facts.entity.raw as { metadata: { annotations: unknown } }).metadata
          .annotations,
      );
      expect(json.length).toBeGreaterThan(60);
      expect(result).toEqual({
        status: 'pass',
        message: `metadata.annotations is ${json.slice(0, 57)}...`,
      });
    });

    it('keeps a path of two segments after annotations as one key', () => {
      expect(
        entityPredicateCheck.paramsSchema.parse({
          path: 'metadata.labels.example.com/cost-center',
          op: 'exists',
        }).segments,
      ).toEqual(['metadata', 'labels', 'example.com/cost-center']);
      expect(
        entityPredicateCheck.paramsSchema.parse({
          path: 'spec.type',
          op: 'exists',
        }).segments,
      ).toEqual(['spec', 'type']);
      expect(
        entityPredicateCheck.paramsSchema.parse({
          path: 'spec.a.b.c',
          op: 'exists',
        }).segments,
      ).toEqual(['spec', 'a', 'b', 'c']);
    });
  });

  describe('the values a message shows', () => {
    const note = (text: string) =>
      runCheck(
        entityPredicateCheck,
        healthyFacts({ raw: { spec: { note: text } } }),
        { path: 'spec.note', op: 'exists' },
      ).message;

    it('shows a value of 60 characters of JSON whole', () => {
      const text = 'a'.repeat(58);
      expect(note(text)).toBe(`spec.note is "${text}"`);
    });

    it('cuts a value of 61 characters of JSON to 57 and an ellipsis', () => {
      expect(note('a'.repeat(59))).toBe(`spec.note is "${'a'.repeat(56)}...`);
    });
  });

  describe('lists and objects', () => {
    const withTags = (tags: unknown) =>
      healthyFacts({ raw: { metadata: { tags } } as never });

    it('compares only the scalar items of a list', () => {
      // String(null) is "null" and String({}) is "[object Object]": neither is an item's text.
      for (const [items, value] of [
        [[null, 'java'], 'null'],
        [[{}, 'java'], '[object Object]'],
      ] as const) {
        expect(
          runCheck(entityPredicateCheck, withTags(items), {
            path: 'metadata.tags',
            op: 'equals',
            value,
          }).status,
        ).toBe('fail');
      }
      expect(
        runCheck(entityPredicateCheck, withTags([{}, 3]), {
          path: 'metadata.tags',
          op: 'equals',
          value: '3',
        }).status,
      ).toBe('pass');
    });

    it('never matches an object field', () => {
      const annotations = { path: 'metadata.annotations' };
      expect(
        runCheck(entityPredicateCheck, facts, {
          ...annotations,
          op: 'equals',
          value: '[object Object]',
        }).status,
      ).toBe('fail');
      expect(
        runCheck(entityPredicateCheck, facts, {
          ...annotations,
          op: 'matches',
          value: '.',
        }).status,
      ).toBe('fail');
      expect(
        runCheck(entityPredicateCheck, facts, {
          ...annotations,
          op: 'in',
          value: ['[object Object]'],
        }).status,
      ).toBe('fail');
    });

    it('equals: says what the field is when it passes', () => {
      expect(
        runCheck(entityPredicateCheck, facts, {
          path: 'spec.type',
          op: 'equals',
          value: 'service',
        }),
      ).toEqual({ status: 'pass', message: 'spec.type is "service"' });
    });

    it('in: passes when one item of a list is allowed, and says so', () => {
      const params = { path: 'metadata.tags', op: 'in' };
      expect(
        runCheck(entityPredicateCheck, facts, {
          ...params,
          value: ['payments', 'go'],
        }),
      ).toEqual({
        status: 'pass',
        message: 'metadata.tags is ["java","payments"]',
      });
      expect(
        runCheck(entityPredicateCheck, facts, { ...params, value: ['go'] }),
      ).toEqual({
        status: 'fail',
        message:
          'metadata.tags is ["java","payments"], not one of the allowed values',
      });
    });

    it('matches: passes when one item of a list matches, and says so', () => {
      expect(
        runCheck(entityPredicateCheck, facts, {
          path: 'metadata.tags',
          op: 'matches',
          value: '^pay',
        }),
      ).toEqual({
        status: 'pass',
        message: 'metadata.tags is ["java","payments"]',
      });
    });

    it('matches: is unknown when any item is too long, and tests 1000 characters', () => {
      const params = { path: 'metadata.tags', op: 'matches', value: '^x' };
      expect(
        runCheck(
          entityPredicateCheck,
          withTags(['a'.repeat(1001), 'x']),
          params,
        ),
      ).toEqual({
        status: 'unknown',
        message:
          'metadata.tags is longer than 1000 characters, too long to test against a pattern',
      });
      expect(
        runCheck(entityPredicateCheck, withTags(['x'.repeat(1000)]), params)
          .status,
      ).toBe('pass');
    });
  });

  describe('params', () => {
    it('names the operators for an unknown "op"', () => {
      const parsed = entityPredicateCheck.paramsSchema.safeParse({
        path: 'spec.type',
        op: 'contains',
      });
      expect(parsed.error?.issues[0].message).toBe(
        '"op" must be one of "exists", "equals", "matches", "in"',
      );
    });

    it('does not blame "op" when the params are not an object', () => {
      const parsed = entityPredicateCheck.paramsSchema.safeParse('spec.type');
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].message).not.toContain('"op"');
    });
  });
});
