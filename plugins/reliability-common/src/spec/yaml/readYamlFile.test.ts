import { readYamlFile } from './readYamlFile';

const read = (content: string, maxLength?: number) =>
  readYamlFile({ path: 'f.yaml', content }, maxLength);

describe('readYamlFile', () => {
  it('reads every document of a file, skipping empty ones', () => {
    const { objects, problems } = read('a: 1\n---\n---\nb: 2\n---\n');
    expect(problems).toEqual([]);
    expect(objects.map(object => object.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('reads each item of a top-level list as an object of its own', () => {
    const { objects } = read('- a: 1\n- b: 2\n');
    expect(objects.map(object => object.basePath)).toEqual([[0], [1]]);
    expect(objects[1].location(['b'])).toEqual({
      file: 'f.yaml',
      line: 2,
      column: 6,
      path: '[1].b',
    });
  });

  it("reports syntax errors at the parser's own line and column", () => {
    const { objects, problems } = read('a: 1\nb: [1, 2\nc: 3\n');
    expect(objects).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'f.yaml',
        line: 3,
        column: 1,
        path: '',
        message:
          'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
        severity: 'error',
      },
    ]);
  });

  it('reports a repeated key on the repetition, with its path', () => {
    const { objects, problems } = read(
      'spec:\n  labels:\n    a: 1\n    a: 2\n',
    );
    expect(objects).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'f.yaml',
        line: 4,
        column: 5,
        path: 'spec.labels.a',
        message: 'the field "a" is repeated; it is already set on line 3',
        severity: 'error',
      },
    ]);
  });

  it('treats a field without a value as absent', () => {
    expect(read('a:\nb: [1, ~]\n').objects[0].value).toEqual({ b: [1, null] });
  });

  it('refuses files over the limit without parsing them', () => {
    expect(read('x'.repeat(2048), 1024).problems).toEqual([
      {
        file: 'f.yaml',
        line: 1,
        column: 1,
        path: '',
        message:
          'the file is 2 KiB long, more than the 1 KiB read at most; spec files are a few kilobytes, so this is probably not one',
        severity: 'error',
      },
    ]);
  });

  it('refuses aliases that expand exponentially', () => {
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const { objects, problems } = read(laughs);
    expect(objects).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(
      /^the YAML could not be read: .*Excessive alias count/,
    );
  });

  it('refuses a document that contains itself through an alias', () => {
    expect(read('a: &a [*a]\n').problems.map(p => p.message)).toEqual([
      'the YAML could not be read: the document refers to itself through an alias (*name inside &name)',
    ]);
  });

  it('lists at most 20 syntax problems and counts the rest', () => {
    // 50 empty quoted strings: the first is the value, the other 49 are errors.
    const { problems } = read('"'.repeat(100));
    expect(problems).toHaveLength(21);
    expect(problems[20].message).toBe(
      '29 more YAML problems are not listed; fix the ones above first',
    );
  });
});

describe('readYamlFile on deeply nested input', () => {
  // Found by parseSloFiles.fuzz.test.ts: 1000 nested "[" or "- " (2 KB) overflowed the YAML
  // parser's stack, and the parse after that aborted Node 22 with a fatal out-of-memory error in
  // the RegExp compiler, taking the backend down. Reading each of these twice used to crash.
  it.each([
    ['flow lists', `${'['.repeat(1000)}${']'.repeat(1000)}`],
    ['flow mappings', `${'{a: '.repeat(1000)}1${'}'.repeat(1000)}`],
    ['block lists', `${'- '.repeat(1000)}x`],
  ])('refuses %s nested 1000 deep with a problem', (_, content) => {
    for (const attempt of [1, 2]) {
      const { objects, problems } = read(content);
      expect({ attempt, objects, problems }).toEqual({
        attempt,
        objects: [],
        problems: [
          expect.objectContaining({
            line: 1,
            path: '',
            severity: 'error',
            message: expect.stringContaining('more than 100 levels deep'),
          }),
        ],
      });
    }
  });

  it('still reads nesting of 100 levels', () => {
    const { objects, problems } = read(`a: ${'['.repeat(99)}${']'.repeat(99)}`);
    expect(problems).toEqual([]);
    expect(objects).toHaveLength(1);
  });
});

describe('readYamlFile on a "__proto__" key', () => {
  // Found by parseSloFiles.fuzz.test.ts: `__proto__: {a: 1}` became the object's prototype, so
  // "a" was validated as a field of the mapping (reported at the wrong place, or accepted).
  it('keeps the key as a field of its own, with no inherited fields', () => {
    const { objects, problems } = read('metadata:\n  __proto__: { name: x }\n');
    expect(problems).toEqual([]);
    const metadata = (objects[0].value as any).metadata;
    expect(Object.keys(metadata)).toEqual(['__proto__']);
    expect(metadata.name).toBeUndefined();
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
  });
});

describe('readYamlFile on a mapping used as a key', () => {
  // Found by parseSloFiles.fuzz.test.ts: `? {a: 1}` made the YAML library print a process warning
  // ("Keys with collection values will be stringified") for each file read: log noise anybody
  // could cause with a catalog file.
  it('reads it without printing a process warning', () => {
    const warning = jest.spyOn(process, 'emitWarning').mockImplementation();
    try {
      const { objects } = read('? {a: 1}\n: x\n');
      expect(objects).toHaveLength(1);
      expect(warning).not.toHaveBeenCalled();
    } finally {
      warning.mockRestore();
    }
  });
});
