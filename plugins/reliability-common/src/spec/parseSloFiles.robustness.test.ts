import { parseSloFiles } from './parseSloFiles';

const brief = (content: string) =>
  parseSloFiles([{ path: 'f.yaml', content }]).problems.map(
    p => `${p.line}:${p.column} ${p.path} [${p.severity}] ${p.message}`,
  );

const VALID_SLOTH = `version: prometheus/v1
service: svc
slos:
  - name: ok
    objective: 99
    sli:
      raw:
        error_ratio_query: errors[{{.window}}]
    alerting:
      name: Ok
`;

/** A small deterministic generator, so that a failing input can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('parseSloFiles on malformed input', () => {
  it('warns about an empty file', () => {
    expect(brief('')).toEqual([
      '1:1  [warning] the file has no YAML documents, so no SLOs',
    ]);
    expect(brief('# just a comment\n---\n')).toEqual([
      '1:1  [warning] the file has no YAML documents, so no SLOs',
    ]);
  });

  it('reports documents that are not mappings', () => {
    expect(brief('just text\n---\n- 1\n')).toEqual([
      '1:1  [error] expected a mapping with apiVersion and kind (OpenSLO, Sloth\'s PrometheusServiceLevel) or Sloth\'s "version: prometheus/v1", got the text "just text"',
      '3:3 [0] [error] expected a mapping with apiVersion and kind (OpenSLO, Sloth\'s PrometheusServiceLevel) or Sloth\'s "version: prometheus/v1", got the number 1',
    ]);
  });

  it('reports YAML syntax errors at the line and column the parser gives', () => {
    expect(brief('version: prometheus/v1\nslos: [\n  - a\n')).toEqual([
      '3:3  [error] YAML syntax error: Block collections are not allowed within flow collections',
      '4:1  [error] YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it.each([
    [
      'apiVersion: 1\nkind: SLO\n',
      '1:13 apiVersion [error] unknown apiVersion the number 1: expected apiVersion openslo/v1, openslo/v1alpha or sloth.slok.dev/v1, or Sloth\'s "version: prometheus/v1"',
    ],
    [
      'apiVersion: v1\nkind: ConfigMap\n',
      '1:13 apiVersion [error] unknown apiVersion the text "v1": expected apiVersion openslo/v1, openslo/v1alpha or sloth.slok.dev/v1, or Sloth\'s "version: prometheus/v1"',
    ],
    [
      'apiVersion: openslo/v2alpha\nkind: SLO\n',
      '1:13 apiVersion [error] OpenSLO openslo/v2alpha is not supported: write openslo/v1 (or openslo/v1alpha)',
    ],
    [
      'apiVersion: openslo/v1\nkind: Slo\n',
      '2:7 kind [error] unknown OpenSLO v1 kind the text "Slo": expected one of SLO, SLI, DataSource, Service, AlertPolicy, AlertCondition, AlertNotificationTarget',
    ],
    [
      'apiVersion: openslo/v1\n',
      '1:1  [error] "kind" is required: expected one of SLO, SLI, DataSource, Service, AlertPolicy, AlertCondition, AlertNotificationTarget',
    ],
    [
      'apiVersion: sloth.slok.dev/v1\nkind: AlertWindows\n',
      "2:7 kind [error] an AlertWindows document is an alert windows catalog, not an SLO: read it as a windows catalog (e.g. the CLI's --slo-period-windows-path)",
    ],
    [
      'version: prometheus/v2\n',
      '1:10 version [error] unknown Sloth spec version the text "prometheus/v2": expected "prometheus/v1"',
    ],
    [
      'service: svc\n',
      '1:1  [error] "apiVersion" is required: expected apiVersion openslo/v1, openslo/v1alpha or sloth.slok.dev/v1, or Sloth\'s "version: prometheus/v1"',
    ],
    [
      'version: prometheus/v1\nservice: [a]\nslos: 3\n',
      '2:1 service [error] expected text, got a list',
    ],
  ])('reports %j', (content, expected) => {
    expect(brief(content)[0]).toBe(expected);
  });

  it('keeps the SLOs of valid files when another file has errors', () => {
    const { slos, problems } = parseSloFiles([
      { path: 'good.yaml', content: VALID_SLOTH },
      {
        path: 'bad.yaml',
        // A valid document, then an invalid one: the whole file is left out.
        content: `${VALID_SLOTH.replace(
          'name: ok',
          'name: fine',
        )}---\nversion: prometheus/v1\nservice: svc\nslos: []\n`,
      },
    ]);
    expect(slos.map(slo => slo.id)).toEqual(['svc-ok']);
    expect(problems.map(p => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'bad.yaml:14 at least one SLO is required',
    ]);
  });

  it('refuses 10 MB of garbage quickly', () => {
    const garbage = '[{"&*!|>'.repeat((10 * 1024 * 1024) / 8);
    const started = Date.now();
    const { slos, problems } = parseSloFiles([
      { path: 'huge.yaml', content: garbage },
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(slos).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'huge.yaml',
        line: 1,
        column: 1,
        path: '',
        message:
          'the file is 10.0 MiB long, more than the 64 KiB read at most; spec files are a few kilobytes, so this is probably not one',
        severity: 'error',
      },
    ]);
  });

  it('reads longer files when maxFileLength allows it', () => {
    const long = `${VALID_SLOTH}# ${'x'.repeat(70 * 1024)}\n`;
    expect(parseSloFiles([{ path: 'f', content: long }]).slos).toEqual([]);
    expect(
      parseSloFiles([{ path: 'f', content: long }], {
        maxFileLength: 1024 * 1024,
      }).slos,
    ).toHaveLength(1);
  });

  it('parses the largest adversarial input it accepts within seconds', () => {
    const nested = '['.repeat(64 * 1024);
    const started = Date.now();
    const { problems } = parseSloFiles([{ path: 'f', content: nested }]);
    // Generous: CI machines are slow and shared; this guards against minutes, not milliseconds.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('never throws on random or mangled input and always gives a position', () => {
    const next = random(42);
    const alphabet = 'ab:-[]{}"\'#&*!|>%@`,? \n\t0123456789.~';
    const inputs: string[] = [];
    for (let i = 0; i < 200; i++) {
      const length = Math.floor(next() * 400);
      let text = '';
      for (let j = 0; j < length; j++) {
        text += alphabet[Math.floor(next() * alphabet.length)];
      }
      inputs.push(text);
    }
    // Valid files with a random stretch deleted: broken in realistic ways.
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(next() * VALID_SLOTH.length);
      const end = start + Math.floor(next() * 30);
      inputs.push(VALID_SLOTH.slice(0, start) + VALID_SLOTH.slice(end));
    }
    for (const content of inputs) {
      const result = parseSloFiles([{ path: 'f', content }]);
      for (const problem of result.problems) {
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.column).toBeGreaterThanOrEqual(1);
        expect(problem.message).not.toBe('');
      }
    }
  });
});
