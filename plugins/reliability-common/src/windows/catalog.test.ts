import { parseAlertWindowsCatalog } from './catalog';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const SEVEN_DAYS = `apiVersion: sloth.slok.dev/v1
kind: AlertWindows
spec:
  sloPeriod: 7d
  page:
    quick:
      errorBudgetPercent: 8
      shortWindow: 5m
      longWindow: 1h
    slow:
      errorBudgetPercent: 12.5
      shortWindow: 30m
      longWindow: 6h
  ticket:
    quick:
      errorBudgetPercent: 20
      shortWindow: 2h
      longWindow: 1d
    slow:
      errorBudgetPercent: 42
      shortWindow: 6h
      longWindow: 3d
`;

const parse = (content: string) =>
  parseAlertWindowsCatalog({ path: 'windows/7d.yaml', content });

const brief = (content: string) =>
  parse(content).problems.map(
    p => `${p.line}:${p.column} ${p.path} [${p.severity}] ${p.message}`,
  );

describe('parseAlertWindowsCatalog', () => {
  it('reads the windows and computes burn-rate factors as Sloth does', () => {
    const { windows, problems } = parse(SEVEN_DAYS);
    expect(problems).toEqual([]);
    expect(windows?.sloPeriodMs).toBe(7 * DAY);
    expect(windows?.page.quick).toEqual({
      errorBudgetPercent: 8,
      shortWindowMs: 5 * 60 * 1000,
      longWindowMs: HOUR,
      burnRateFactor: (0.08 * 168) / 1,
    });
    expect(windows?.ticket.slow.burnRateFactor).toBeCloseTo(0.98, 10);
  });

  it('reports bad durations, percentages and window orders where they are written', () => {
    expect(
      brief(
        SEVEN_DAYS.replace('sloPeriod: 7d', 'sloPeriod: 7 days')
          .replace('errorBudgetPercent: 8', 'errorBudgetPercent: 0')
          .replace('longWindow: 1h', 'longWindow: 2m'),
      ),
    ).toEqual([
      '4:14 spec.sloPeriod [error] expected a Prometheus duration such as 5m, 1h, 3d or 1h30m',
      '7:27 spec.page.quick.errorBudgetPercent [error] errorBudgetPercent must be greater than 0 and at most 100',
    ]);
    expect(
      brief(SEVEN_DAYS.replace('longWindow: 1h', 'longWindow: 2m')),
    ).toEqual([
      '8:20 spec.page.quick.shortWindow [error] the short window (5m) must be shorter than the long window (2m); it stops the alert once the burn is over',
    ]);
    expect(
      brief(SEVEN_DAYS.replace('longWindow: 3d', 'longWindow: 8d')),
    ).toEqual([
      '22:19 spec.ticket.slow.longWindow [error] the long window (8d) must not be longer than the SLO period (1w)',
    ]);
  });

  it('requires one AlertWindows document', () => {
    expect(brief('')).toEqual([
      '1:1  [error] an alert windows file holds exactly one AlertWindows document, found none',
    ]);
    expect(brief(`${SEVEN_DAYS}---\n${SEVEN_DAYS}`)).toEqual([
      '1:1  [error] an alert windows file holds exactly one AlertWindows document, found 2 documents',
    ]);
    expect(
      brief('apiVersion: sloth.slok.dev/v1\nkind: PrometheusServiceLevel\n'),
    ).toEqual([
      '1:1 spec [error] "spec" is required',
      '2:7 kind [error] expected "AlertWindows", got the text "PrometheusServiceLevel"',
    ]);
  });

  it('warns about unknown fields, as Sloth ignores them', () => {
    const { windows, problems } = parse(
      SEVEN_DAYS.replace(
        '  sloPeriod: 7d\n',
        '  sloPeriod: 7d\n  name: week\n',
      ),
    );
    expect(windows).toBeDefined();
    expect(problems.map(p => `${p.path} [${p.severity}] ${p.message}`)).toEqual(
      [
        'spec.name [warning] unknown field "name" (Sloth ignores it); the fields allowed here are "sloPeriod", "page", "ticket"',
      ],
    );
  });

  it('refuses garbage without throwing', () => {
    expect(parse('[[[').windows).toBeUndefined();
    expect(parse('x'.repeat(10 * 1024 * 1024)).problems).toHaveLength(1);
  });
});

describe('parseAlertWindowsCatalog at the edges of its rules', () => {
  it('accepts a budget share of exactly 100% and refuses one above it', () => {
    const whole = parse(
      SEVEN_DAYS.replace('errorBudgetPercent: 42', 'errorBudgetPercent: 100'),
    );
    expect(whole.problems).toEqual([]);
    expect(whole.windows?.ticket.slow.errorBudgetPercent).toBe(100);
    expect(
      brief(
        SEVEN_DAYS.replace(
          'errorBudgetPercent: 42',
          'errorBudgetPercent: 100.5',
        ),
      ),
    ).toEqual([
      '20:27 spec.ticket.slow.errorBudgetPercent [error] errorBudgetPercent must be greater than 0 and at most 100',
    ]);
    expect(
      parse(
        SEVEN_DAYS.replace('errorBudgetPercent: 8', 'errorBudgetPercent: -8'),
      ).windows,
    ).toBeUndefined();
  });

  it('refuses a short window as long as its long window', () => {
    const { windows, problems } = parse(
      SEVEN_DAYS.replace('shortWindow: 5m', 'shortWindow: 1h'),
    );
    expect(windows).toBeUndefined();
    expect(problems.map(p => `${p.path} [${p.severity}]`)).toEqual([
      'spec.page.quick.shortWindow [error]',
    ]);
  });

  it('accepts a long window as long as the SLO period, not one longer', () => {
    const whole = parse(SEVEN_DAYS.replace('longWindow: 3d', 'longWindow: 7d'));
    expect(whole.problems).toEqual([]);
    expect(whole.windows?.ticket.slow.longWindowMs).toBe(7 * DAY);
    // Spending 42% of the budget over the whole period burns at 0.42.
    expect(whole.windows?.ticket.slow.burnRateFactor).toBeCloseTo(0.42, 10);
    expect(
      parse(SEVEN_DAYS.replace('longWindow: 3d', 'longWindow: 7d1ms')).windows,
    ).toBeUndefined();
  });

  it('gives no windows when a window is wrong, even though the rest parses', () => {
    expect(
      parse(SEVEN_DAYS.replace('longWindow: 6h', 'longWindow: 20m')).windows,
    ).toBeUndefined();
  });

  it('reads each of the four window pairs into its own place', () => {
    const { windows } = parse(SEVEN_DAYS);
    expect(windows?.page.slow).toEqual({
      errorBudgetPercent: 12.5,
      shortWindowMs: 30 * 60 * 1000,
      longWindowMs: 6 * HOUR,
      burnRateFactor: (0.125 * 168) / 6,
    });
    expect(windows?.ticket.quick).toEqual({
      errorBudgetPercent: 20,
      shortWindowMs: 2 * HOUR,
      longWindowMs: DAY,
      burnRateFactor: (0.2 * 168) / 24,
    });
    expect(windows?.ticket.slow.shortWindowMs).toBe(6 * HOUR);
    expect(windows?.ticket.slow.longWindowMs).toBe(3 * DAY);
  });

  it('refuses a list holding one AlertWindows document', () => {
    const asList = `- ${SEVEN_DAYS.trimEnd().split('\n').join('\n  ')}\n`;
    expect(brief(asList)).toEqual([
      '1:1  [error] an alert windows file holds exactly one AlertWindows document, found a list',
    ]);
  });

  it('reads the windows despite a YAML warning, which it passes on', () => {
    const { windows, problems } = parse(
      SEVEN_DAYS.replace('sloPeriod: 7d', 'sloPeriod: !week 7d'),
    );
    expect(windows?.sloPeriodMs).toBe(7 * DAY);
    expect(problems.map(p => `${p.line}:${p.column} [${p.severity}]`)).toEqual([
      '4:14 [warning]',
    ]);
  });
});
