import { builtInScorecardChecks } from './checks';
import { parseScorecardDefinitions } from './parseScorecardDefinitions';
import { ScorecardCheckRegistry } from './ScorecardCheckRegistry';
import type { ScorecardCheck } from './ScorecardCheck';
import { z } from 'zod';

function readiness(): Record<string, any> {
  return {
    id: 'production-readiness',
    title: 'Production readiness',
    appliesTo: {
      kind: ['Component'],
      lifecycle: ['production'],
      tier: [1, 'tier-2'],
    },
    levels: [
      {
        name: 'Bronze',
        checks: [{ check: 'owner-is-group' }, { check: 'runbook-present' }],
      },
      {
        name: 'Silver',
        checks: [
          { check: 'oncall-resolves' },
          { check: 'runbook-fresh', params: { days: 90 } },
          {
            check: 'entity-predicate',
            id: 'has-techdocs',
            title: 'TechDocs',
            params: {
              path: 'metadata.annotations.backstage.io/techdocs-ref',
              op: 'exists',
            },
            remediation: 'Add docs.',
            docsUrl: 'https://docs.example.com/techdocs',
          },
        ],
      },
    ],
  };
}

function parse(value: unknown) {
  return parseScorecardDefinitions(value, { source: 'app-config' });
}

function problemsOf(value: unknown) {
  return parse(value).problems.map(({ path, message }) => ({ path, message }));
}

/** A check whose params schema throws instead of reporting an issue. */
const throwing: ScorecardCheck = {
  id: 'throwing',
  title: 'Throws',
  description: 'Throws while parsing params.',
  paramsSchema: z.unknown().transform(() => {
    throw new Error('boom');
  }),
  remediation: '',
  evaluate: () => ({ status: 'pass', message: 'ok' }),
};

describe('parseScorecardDefinitions', () => {
  it('reads valid scorecards with defaults filled in', () => {
    const { scorecards, problems } = parse([readiness()]);
    expect(problems).toEqual([]);
    expect(scorecards).toHaveLength(1);
    const [scorecard] = scorecards;
    expect(scorecard).toMatchObject({
      id: 'production-readiness',
      source: 'app-config',
      appliesTo: { kind: ['Component'], tier: [1, 2] },
    });
    expect(scorecard.levels.map(level => level.name)).toEqual([
      'Bronze',
      'Silver',
    ]);
    expect(scorecard.levels[0].checks[0]).toEqual({
      id: 'owner-is-group',
      check: 'owner-is-group',
      title: 'Owned by a team',
      params: {},
      remediation: expect.stringContaining('spec.owner'),
      docsUrl: undefined,
    });
    expect(scorecard.levels[1].checks[2]).toMatchObject({
      id: 'has-techdocs',
      check: 'entity-predicate',
      title: 'TechDocs',
      remediation: 'Add docs.',
      docsUrl: 'https://docs.example.com/techdocs',
    });
  });

  it('gives nothing and no problems when nothing is configured', () => {
    expect(parse(undefined)).toEqual({ scorecards: [], problems: [] });
  });

  it('reports a value that is not a list', () => {
    expect(problemsOf({ id: 'x' })).toEqual([
      {
        path: 'reliability.scorecards',
        message:
          'expected a list of scorecards, each with id, title and levels',
      },
    ]);
  });

  it('reports bad params at the exact path, with the check named', () => {
    const scorecard = readiness();
    scorecard.levels[1].checks[1].params.days = '90';
    expect(problemsOf([scorecard])).toEqual([
      {
        path: 'reliability.scorecards[0].levels[1].checks[1].params.days',
        message:
          'expected a number, got the text "90" (write the number without quotes) (check "runbook-fresh")',
      },
    ]);
  });

  it('reports unknown params', () => {
    const scorecard = readiness();
    scorecard.levels[1].checks[1].params = { dayz: 90 };
    expect(problemsOf([scorecard])).toEqual([
      {
        path: 'reliability.scorecards[0].levels[1].checks[1].params.dayz',
        message:
          'unknown field "dayz"; the fields allowed here are "days" (check "runbook-fresh")',
      },
    ]);
  });

  it('reports an unknown check with the ids that exist', () => {
    const scorecard = readiness();
    scorecard.levels[0].checks[1].check = 'runbook-exists';
    const [problem] = problemsOf([scorecard]);
    expect(problem.path).toBe(
      'reliability.scorecards[0].levels[0].checks[1].check',
    );
    expect(problem.message).toMatch(
      /^unknown check "runbook-exists": use one of "owner-is-group", .*"runbook-present"/,
    );
    expect(problem.message).toContain('reliability.scorecard-checks');
  });

  it('reports predicate mistakes at the exact path', () => {
    const scorecard = readiness();
    scorecard.levels[1].checks[2].params = { path: 'spec.type', op: 'like' };
    expect(problemsOf([scorecard])).toEqual([
      {
        path: 'reliability.scorecards[0].levels[1].checks[2].params.op',
        message:
          '"op" must be one of "exists", "equals", "matches", "in" (check "entity-predicate")',
      },
    ]);
  });

  it('reports missing fields, wrong types and unknown fields of the structure', () => {
    const scorecard = readiness();
    delete scorecard.title;
    scorecard.levels[0].checks[0].remidiation = 'typo';
    scorecard.appliesTo.tier = [5];
    scorecard.levels[1].checks[0].docsUrl = 'docs/oncall';
    expect(problemsOf([scorecard])).toEqual(
      expect.arrayContaining([
        {
          path: 'reliability.scorecards[0].title',
          message: '"title" is required',
        },
        {
          path: 'reliability.scorecards[0].appliesTo.tier[0]',
          message:
            '5 is not a tier: write 1, 2, 3 or 4 (1 is the most critical)',
        },
        {
          path: 'reliability.scorecards[0].levels[0].checks[0].remidiation',
          message: expect.stringMatching(
            /^unknown field "remidiation"; the fields allowed here are "check", "id"/,
          ),
        },
        {
          path: 'reliability.scorecards[0].levels[1].checks[0].docsUrl',
          message: 'expected an http(s) URL',
        },
      ]),
    );
  });

  it('reports a check used twice without its own id', () => {
    const scorecard = readiness();
    scorecard.levels[1].checks.push({ check: 'runbook-present' });
    expect(problemsOf([scorecard])).toEqual([
      {
        path: 'reliability.scorecards[0].levels[1].checks[3].id',
        message:
          'the check id "runbook-present" is already used in level "Bronze"; add "id" with a name of its own (needed to use a check twice)',
      },
    ]);
  });

  it('reports duplicate scorecard ids and level names, keeping the valid scorecard', () => {
    const twin = readiness();
    twin.levels[1].name = 'bronze';
    const { scorecards, problems } = parse([readiness(), twin]);
    expect(problems.map(problem => problem.path)).toEqual([
      'reliability.scorecards[1].levels[1].name',
      'reliability.scorecards[1].id',
    ]);
    expect(scorecards.map(scorecard => scorecard.id)).toEqual([
      'production-readiness',
    ]);
  });

  it('reports an empty level list and a bad id', () => {
    expect(
      problemsOf([{ id: 'Prod Ready', title: 'Prod', levels: [] }]),
    ).toEqual([
      {
        path: 'reliability.scorecards[0].id',
        message:
          '"id" must be lower-case kebab-case, e.g. "production-readiness"',
      },
      {
        path: 'reliability.scorecards[0].levels',
        message: 'a scorecard needs at least one level, e.g. Bronze',
      },
    ]);
  });

  it('uses the given root path and source, and gives the path as segments too', () => {
    const { problems } = parseScorecardDefinitions([{}], {
      source: 'scorecards.yaml',
      path: '',
    });
    expect(problems[0]).toEqual({
      source: 'scorecards.yaml',
      path: '[0].id',
      message: '"id" is required',
      keyPath: [0, 'id'],
    });
  });

  it('validates params of custom checks with their own schema', () => {
    const custom: ScorecardCheck<{ repo: string }> = {
      id: 'sonar-quality-gate',
      title: 'Quality gate',
      description: 'Passes the SonarQube quality gate.',
      paramsSchema: z.strictObject({
        repo: z.string().min(1, { error: 'name the repository' }),
      }),
      remediation: 'Fix the findings.',
      evaluate: () => ({ status: 'pass', message: 'ok' }),
    };
    const checks = ScorecardCheckRegistry.create([
      ...builtInScorecardChecks,
      custom,
    ]);
    const scorecard = readiness();
    scorecard.levels[0].checks.push({
      check: 'sonar-quality-gate',
      params: { repo: '' },
    });
    const { problems } = parseScorecardDefinitions([scorecard], {
      source: 'app-config',
      checks,
    });
    expect(problems.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'reliability.scorecards[0].levels[0].checks[2].params.repo',
        message: 'name the repository (check "sonar-quality-gate")',
      },
    ]);
  });

  it('never throws, also when a custom schema does', () => {
    const result = parseScorecardDefinitions(
      [
        {
          id: 'x',
          title: 'X',
          levels: [{ name: 'A', checks: [{ check: 'throwing' }] }],
        },
      ],
      {
        source: 'app-config',
        checks: ScorecardCheckRegistry.create([throwing]),
      },
    );
    expect(result.scorecards).toEqual([]);
    expect(result.problems[0].message).toContain('boom');
  });

  it('gives nothing and no problems for null too', () => {
    expect(parse(null)).toEqual({ scorecards: [], problems: [] });
  });

  it('allows 200 scorecards and refuses 201', () => {
    const many = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        ...readiness(),
        id: `card-${index}`,
      }));
    const allowed = parse(many(200));
    expect(allowed.problems).toEqual([]);
    expect(allowed.scorecards).toHaveLength(200);
    expect(parse(many(201))).toEqual({
      scorecards: [],
      problems: [
        {
          source: 'app-config',
          path: 'reliability.scorecards',
          message: 'at most 200 scorecards are allowed',
          keyPath: [],
        },
      ],
    });
  });

  it('says which scorecard first used a duplicate id, and keeps only that one', () => {
    const twin = { ...readiness(), title: 'Twin' };
    const { scorecards, problems } = parse([readiness(), twin]);
    expect(problems.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: 'reliability.scorecards[1].id',
        message:
          'the id "production-readiness" is already used by scorecard 0; give each scorecard its own id',
      },
    ]);
    expect(scorecards.map(scorecard => scorecard.title)).toEqual([
      'Production readiness',
    ]);
  });

  it('says which level first used a name, whatever its case', () => {
    const scorecard = readiness();
    scorecard.levels[1].name = 'BRONZE';
    expect(problemsOf([scorecard])).toEqual([
      {
        path: 'reliability.scorecards[0].levels[1].name',
        message:
          'the level name "BRONZE" is already used by level 0; give each level its own name',
      },
    ]);
  });

  it('reports params that are not a mapping once, from the structure', () => {
    for (const params of ['ninety', [90]]) {
      const scorecard = readiness();
      scorecard.levels[1].checks[1].params = params;
      const problems = problemsOf([scorecard]);
      expect(problems).toHaveLength(1);
      expect(problems[0].path).toBe(
        'reliability.scorecards[0].levels[1].checks[1].params',
      );
      expect(problems[0].message).not.toContain('(check "runbook-fresh")');
    }
  });

  it('reports scorecards that are null or a list as such, without failing', () => {
    for (const item of [null, ['x']]) {
      const problems = problemsOf([item]);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.map(p => p.path)).toEqual(
        problems.map(() => 'reliability.scorecards[0]'),
      );
      expect(problems.map(p => p.message).join(' ')).not.toContain(
        'could not be read',
      );
    }
  });

  it('reports a throwing schema at the root of the scorecards', () => {
    const { problems } = parseScorecardDefinitions(
      [
        {
          id: 'x',
          title: 'X',
          levels: [{ name: 'A', checks: [{ check: 'throwing' }] }],
        },
      ],
      {
        source: 'app-config',
        checks: ScorecardCheckRegistry.create([throwing]),
      },
    );
    expect(problems).toEqual([
      {
        source: 'app-config',
        path: 'reliability.scorecards',
        message: 'the scorecards could not be read: boom',
        keyPath: [],
      },
    ]);
  });
});
