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

  it('refuses a file longer than 256 KiB, at its first line', () => {
    const limit = 256 * 1024;
    const padded = (length: number) =>
      `${valid}#${'x'.repeat(length - valid.length - 1)}`;
    expect(padded(limit)).toHaveLength(limit);
    expect(
      parseScorecardFile(padded(limit), { file: 'big.yaml' }).problems,
    ).toEqual([]);
    expect(parseScorecardFile(padded(limit + 1), { file: 'big.yaml' })).toEqual(
      {
        scorecards: [],
        problems: [
          {
            source: 'big.yaml',
            file: 'big.yaml',
            line: 1,
            column: 1,
            path: '',
            message:
              'the file is longer than 262144 characters; a scorecard file holds a few scorecards',
          },
        ],
      },
    );
  });

  it('reports a duplicate key as invalid YAML, in one line without the excerpt', () => {
    const content = valid.replace(
      '    title: Readiness\n',
      '    title: Readiness\n    title: Again\n',
    );
    const { scorecards, problems } = parseScorecardFile(content, {
      file: 'dup.yaml',
    });
    expect(scorecards).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'dup.yaml', line: 4, path: '' });
    expect(problems[0].message).toMatch(/^is not valid YAML: .{10,}$/);
    expect(problems[0].message).not.toMatch(/at line|\n/);
  });

  it('lists at most 20 YAML errors', () => {
    const content = Array.from({ length: 30 }, () => 'a: 1\n').join('');
    const { problems } = parseScorecardFile(content, { file: 'many.yaml' });
    expect(problems).toHaveLength(20);
    expect(problems.map(problem => problem.line)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 2),
    );
  });

  it('reads a plain list without asking for a scorecards key', () => {
    const list = valid
      .split('\n')
      .slice(1)
      .map(line => line.slice(2))
      .join('\n');
    const { scorecards, problems } = parseScorecardFile(list, {
      file: 'list.yaml',
    });
    expect(problems).toEqual([]);
    expect(scorecards.map(s => s.id)).toEqual(['readiness']);
  });

  it('reports a file holding a single text as not a list, at the text', () => {
    expect(
      parseScorecardFile('\n  hello\n', { file: 'text.yaml' }).problems,
    ).toEqual([
      {
        source: 'text.yaml',
        file: 'text.yaml',
        line: 2,
        column: 3,
        path: '',
        message:
          'expected a list of scorecards, each with id, title and levels',
        keyPath: [],
      },
    ]);
  });

  it('gives an empty file no scorecards and no problems', () => {
    expect(parseScorecardFile('', { file: 'empty.yaml' })).toEqual({
      scorecards: [],
      problems: [],
    });
    expect(
      parseScorecardFile('# nothing yet\n', { file: 'empty.yaml' }),
    ).toEqual({ scorecards: [], problems: [] });
  });

  it('points the missing scorecards list at the first line, not at the mapping', () => {
    const { problems } = parseScorecardFile('# scorecards\ntitle: nothing\n', {
      file: 'empty.yaml',
    });
    expect(problems).toEqual([
      {
        source: 'empty.yaml',
        file: 'empty.yaml',
        line: 1,
        column: 1,
        path: 'scorecards',
        keyPath: [],
        message:
          'has no `scorecards` list: write `scorecards:` followed by a list of scorecards, each with id, title and levels',
      },
    ]);
  });

  it('points a missing key deep in a level at that level', () => {
    const content = `- id: readiness
  title: Readiness
  levels:
    - checks: [{ check: owner-is-group }]
`;
    const { problems } = parseScorecardFile(content, { file: 'list.yaml' });
    expect(problems).toEqual([
      expect.objectContaining({
        path: '[0].levels[0].name',
        line: 4,
        column: 7,
      }),
    ]);
  });
});
