import { hasWindowVariable, renderWindowTemplate } from './windowTemplate';

describe('renderWindowTemplate', () => {
  it.each([
    ['rate(x[{{.window}}])', 'rate(x[5m])'],
    ['rate(x[{{ .window }}])', 'rate(x[5m])'],
    ['a[{{.window}}] / b[{{.window}}]', 'a[5m] / b[5m]'],
    ['rate(x[  {{- .window -}}  ])', 'rate(x[5m])'],
    ['rate(x[{{.window}}]){{/* a comment */}}', 'rate(x[5m])'],
    ['vector(1)', 'vector(1)'],
  ])('renders %s', (template, expected) => {
    expect(renderWindowTemplate(template, '5m')).toEqual({ text: expected });
  });

  it('rejects variables other than the window, as Sloth does', () => {
    const result = renderWindowTemplate('rate(x[{{.interval}}])', '5m');
    expect(result).toEqual({
      error: expect.stringContaining('{{.interval}}'),
    });
  });

  it('rejects an unclosed action', () => {
    expect(renderWindowTemplate('rate(x[{{.window])', '5m')).toEqual({
      error: 'unclosed template action "{{"',
    });
  });
});

describe('hasWindowVariable', () => {
  it('accepts the forms Sloth accepts and nothing else', () => {
    expect(hasWindowVariable('x[{{.window}}]')).toBe(true);
    expect(hasWindowVariable('x[{{  .window }}]')).toBe(true);
    expect(hasWindowVariable('x[{{- .window}}]')).toBe(false);
    expect(hasWindowVariable('x[5m]')).toBe(false);
  });
});
