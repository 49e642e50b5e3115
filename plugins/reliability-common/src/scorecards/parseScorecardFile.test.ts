import { parseScorecardFile } from './parseScorecardFile';

const valid = `scorecards:
  - id: readiness
    title: Readiness
    levels:
      - name: Bronze
        checks:
          - check: owner-is-group
`;

describe('parseScorecardFile', () => {
  it('reads a mapping with a scorecards list', () => {
    const { scorecards, problems } = parseScorecardFile(valid, {
      file: 'scorecards.yaml',
    });
    expect(problems).toEqual([]);
    expect(scorecards.map(s => [s.id, s.source])).toEqual([
      ['readiness', 'scorecards.yaml'],
    ]);
  });

  it('gives an unknown check the line, column and path of its value', () => {
    const content = valid.replace('owner-is-group', 'owner-is-grup');
    const { scorecards, problems } = parseScorecardFile(content, {
      file: 'scorecards.yaml',
    });
    expect(scorecards).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'scorecards.yaml',
      line: 7,
      path: 'scorecards[0].levels[0].checks[0].check',
    });
    expect(problems[0].column).toBe(20);
    expect(problems[0].message).toContain('owner-is-grup');
  });

  it('points a missing key at the nearest written parent', () => {
    const content = `- id: readiness
  levels:
    - name: Bronze
      checks: [{ check: owner-is-group }]
`;
    const { problems } = parseScorecardFile(content, { file: 'list.yaml' });
    const missingTitle = problems.find(p => p.path.endsWith('title'));
    expect(missingTitle).toMatchObject({
      line: 1,
      column: 3,
      path: '[0].title',
    });
  });

  it('reports a YAML syntax error at its line instead of throwing', () => {
    const { scorecards, problems } = parseScorecardFile(
      'scorecards:\n  - id: a\n   title: [unclosed\n',
      { file: 'broken.yaml' },
    );
    expect(scorecards).toEqual([]);
    expect(problems[0].message).toContain('is not valid YAML');
    expect(problems[0].line).toBeGreaterThanOrEqual(2);
  });

  it('says what to write when a mapping has no scorecards list', () => {
    const { problems } = parseScorecardFile('title: nothing\n', {
      file: 'empty.yaml',
    });
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'scorecards',
        line: 1,
        message: expect.stringContaining('has no `scorecards` list'),
      }),
    ]);
  });
});
