import { AlertPage } from './model';
import { classifyAlertPage, summarizeAlertNoise } from './noise';
import { validateAlertQualityInput } from './validation';

const T0 = '2025-03-03T10:00:00Z';
const at = (minutes: number) =>
  new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function page(id: string, overrides: Partial<AlertPage> = {}): AlertPage {
  return {
    id,
    alertName: 'HighErrorRate',
    service: 'component:default/checkout',
    urgency: 'high',
    triggeredAt: T0,
    responder: 'user:default/alice',
    ...overrides,
  };
}

const fixture = validateAlertQualityInput([
  page('worked', { acknowledgedAt: at(2), resolvedAt: at(30) }),
  page('unacknowledged', { resolvedAt: at(30) }),
  page('quick', { acknowledgedAt: at(1), resolvedAt: at(4) }),
  page('exactly-five', { acknowledgedAt: at(1), resolvedAt: at(5) }),
  page('marked-actionable', { resolvedAt: at(2), actionable: true }),
  page('marked-noise', {
    acknowledgedAt: at(2),
    resolvedAt: at(60),
    actionable: false,
  }),
  page('open', { acknowledgedAt: at(2) }),
  page('bad-ack', { acknowledgedAt: at(-1), resolvedAt: at(30) }),
]).pages;

describe('classifyAlertPage', () => {
  it('waits for a verdict on long pages from sources without acknowledgements', () => {
    const pages = validateAlertQualityInput([
      page('long', { resolvedAt: at(30), acknowledgementKnown: false }),
      page('short', { resolvedAt: at(3), acknowledgementKnown: false }),
      page('judged', {
        resolvedAt: at(30),
        acknowledgementKnown: false,
        actionable: true,
      }),
    ]).pages;
    expect(pages.map(p => classifyAlertPage(p))).toEqual([
      { pageId: 'long', verdict: 'unclassifiable', reason: 'needs-verdict' },
      { pageId: 'short', verdict: 'noise', reason: 'resolved-quickly' },
      { pageId: 'judged', verdict: 'actionable', reason: 'marked-actionable' },
    ]);
  });

  it('gives each page its verdict and reason', () => {
    expect(fixture.map(p => classifyAlertPage(p))).toEqual([
      {
        pageId: 'worked',
        verdict: 'actionable',
        reason: 'acknowledged-and-worked',
      },
      {
        pageId: 'unacknowledged',
        verdict: 'noise',
        reason: 'resolved-without-acknowledgement',
      },
      { pageId: 'quick', verdict: 'noise', reason: 'resolved-quickly' },
      { pageId: 'exactly-five', verdict: 'noise', reason: 'resolved-quickly' },
      {
        pageId: 'marked-actionable',
        verdict: 'actionable',
        reason: 'marked-actionable',
      },
      {
        pageId: 'marked-noise',
        verdict: 'noise',
        reason: 'marked-not-actionable',
      },
      { pageId: 'open', verdict: 'open', reason: 'still-open' },
      {
        pageId: 'bad-ack',
        verdict: 'unclassifiable',
        reason: 'lifecycle-data-error',
      },
    ]);
  });

  it.each([
    ['4:59', 4 * 60 + 59, 'noise'],
    ['5:00', 5 * 60, 'noise'],
    ['5:01', 5 * 60 + 1, 'actionable'],
  ])(
    'calls an acknowledged page resolved after %s noise or not by the default 5-minute rule',
    (_label, seconds, expected) => {
      const [resolved] = validateAlertQualityInput([
        page('edge', {
          acknowledgedAt: at(1),
          resolvedAt: new Date(Date.parse(T0) + seconds * 1000).toISOString(),
        }),
      ]).pages;
      expect(classifyAlertPage(resolved).verdict).toBe(expected);
    },
  );

  it('uses the configured quick-resolve window', () => {
    const quick = fixture[2];
    expect(
      classifyAlertPage(quick, { quickResolveMs: 3 * 60_000 }).verdict,
    ).toBe('actionable');
  });
});

describe('summarizeAlertNoise', () => {
  it('computes the ratios over decided pages only', () => {
    const summary = summarizeAlertNoise(fixture);
    expect(summary).toMatchObject({
      pages: 8,
      actionable: 2,
      noise: 4,
      open: 1,
      unclassifiable: 1,
    });
    expect(summary.actionableRatio).toEqual({
      state: 'known',
      value: 2 / 6,
      count: 2,
      total: 6,
    });
    expect(summary.noiseRatio).toEqual({
      state: 'known',
      value: 4 / 6,
      count: 4,
      total: 6,
    });
  });

  it('says the ratios are unknown when there are no pages', () => {
    const summary = summarizeAlertNoise([]);
    expect(summary.actionableRatio).toEqual({
      state: 'unknown',
      reason: 'no pages',
    });
    expect(summary.noiseRatio).toEqual({
      state: 'unknown',
      reason: 'no pages',
    });
  });

  it('says the ratios are unknown when no page is decided yet', () => {
    const summary = summarizeAlertNoise([fixture[6]]);
    expect(summary.noiseRatio).toEqual({
      state: 'unknown',
      reason: 'no page is decided yet (1 open, 0 with data errors)',
    });
  });
});
