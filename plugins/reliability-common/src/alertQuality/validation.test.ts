import { AlertPage, OnCallShift } from './model';
import { validateAlertQualityInput } from './validation';

function page(overrides: Partial<AlertPage> = {}): AlertPage {
  return {
    id: 'P1',
    alertName: 'HighErrorRate',
    service: 'component:default/checkout',
    urgency: 'high',
    triggeredAt: '2025-03-03T10:00:00Z',
    responder: 'user:default/alice',
    ...overrides,
  };
}

describe('validateAlertQualityInput', () => {
  it('converts ISO 8601 timestamps with any offset to epoch milliseconds', () => {
    const { pages, problems } = validateAlertQualityInput([
      page({
        triggeredAt: '2025-03-03T11:00:00+01:00',
        acknowledgedAt: '2025-03-03T10:02:00Z',
        resolvedAt: '2025-03-03T05:30:00-05:00',
      }),
    ]);
    expect(problems).toEqual([]);
    expect(pages[0].triggeredAtMs).toBe(Date.UTC(2025, 2, 3, 10, 0));
    expect(pages[0].acknowledgedAtMs).toBe(Date.UTC(2025, 2, 3, 10, 2));
    expect(pages[0].resolvedAtMs).toBe(Date.UTC(2025, 2, 3, 10, 30));
    expect(pages[0].hasLifecycleError).toBe(false);
  });

  it.each([
    ['2025-03-03 10:00', /no time or no offset/],
    ['2025-03-03T10:00:00', /no time or no offset/],
    ['2025-02-30T10:00:00Z', /not a valid ISO 8601 date-time/],
    ['yesterday', /no time or no offset/],
    ['', /expected an ISO 8601 date-time with an offset/],
  ])('rejects the page when triggeredAt is %j', (triggeredAt, message) => {
    const { pages, problems } = validateAlertQualityInput([
      page({ triggeredAt }),
    ]);
    expect(pages).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'invalid-value',
        subject: 'page',
        index: 0,
        id: 'P1',
        field: 'triggeredAt',
        effect: 'record-rejected',
        message: expect.stringMatching(message),
      }),
    ]);
  });

  it('rejects the page when an optional timestamp is unreadable rather than treating it as absent', () => {
    const { pages, problems } = validateAlertQualityInput([
      page({ resolvedAt: 'soon' }),
    ]);
    expect(pages).toEqual([]);
    expect(problems[0]).toMatchObject({
      field: 'resolvedAt',
      effect: 'record-rejected',
    });
  });

  it('reports an acknowledgement before the trigger and ignores it', () => {
    const { pages, problems } = validateAlertQualityInput([
      page({
        acknowledgedAt: '2025-03-03T09:59:00Z',
        resolvedAt: '2025-03-03T10:30:00Z',
      }),
    ]);
    expect(pages[0].acknowledgedAtMs).toBeUndefined();
    expect(pages[0].resolvedAtMs).toBe(Date.UTC(2025, 2, 3, 10, 30));
    expect(pages[0].hasLifecycleError).toBe(true);
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'acknowledged-before-triggered',
        field: 'acknowledgedAt',
        effect: 'value-ignored',
        message:
          'page P1: acknowledged at 2025-03-03T09:59:00Z, before it was triggered at 2025-03-03T10:00:00Z; the acknowledgement is ignored',
      }),
    ]);
  });

  it('reports a resolution before the acknowledgement and ignores the acknowledgement', () => {
    const { pages, problems } = validateAlertQualityInput([
      page({
        acknowledgedAt: '2025-03-03T10:40:00Z',
        resolvedAt: '2025-03-03T10:30:00Z',
      }),
    ]);
    expect(pages[0].acknowledgedAtMs).toBeUndefined();
    expect(pages[0].resolvedAtMs).toBe(Date.UTC(2025, 2, 3, 10, 30));
    expect(problems.map(p => p.kind)).toEqual(['resolved-before-acknowledged']);
  });

  it('reports a resolution before the trigger and keeps the page open', () => {
    const { pages, problems } = validateAlertQualityInput([
      page({ resolvedAt: '2025-03-03T09:00:00Z' }),
    ]);
    expect(pages[0].resolvedAtMs).toBeUndefined();
    expect(problems.map(p => p.kind)).toEqual(['resolved-before-triggered']);
  });

  it('keeps the first of two pages with the same id', () => {
    const { pages, problems } = validateAlertQualityInput([
      page(),
      page({ alertName: 'Other' }),
    ]);
    expect(pages.map(p => p.page.alertName)).toEqual(['HighErrorRate']);
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'duplicate-page-id',
        index: 1,
        effect: 'record-rejected',
      }),
    ]);
  });

  it('rejects pages with an unknown urgency or no responder', () => {
    const { pages, problems } = validateAlertQualityInput([
      page({
        id: 'P1',
        urgency: 'critical' as unknown as AlertPage['urgency'],
      }),
      page({ id: 'P2', responder: '' }),
    ]);
    expect(pages).toEqual([]);
    expect(problems.map(p => [p.id, p.field])).toEqual([
      ['P1', 'urgency'],
      ['P2', 'responder'],
    ]);
  });

  it('ignores an unknown time zone and says so', () => {
    const { pages, problems } = validateAlertQualityInput([
      page({ responderTimeZone: 'Mars/Olympus' }),
    ]);
    expect(pages[0].responderTimeZone).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'invalid-time-zone',
        effect: 'value-ignored',
      }),
    ]);
  });

  it('groups by service and fingerprint, else service and alert name, and reports pages with neither', () => {
    const { pages, problems } = validateAlertQualityInput([
      page({ id: 'A', fingerprint: 'f00d' }),
      page({ id: 'B' }),
      page({ id: 'C', alertName: undefined }),
    ]);
    expect(pages.map(p => p.alertKey)).toEqual([
      'component:default/checkout/f00d',
      'component:default/checkout/HighErrorRate',
      undefined,
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        kind: 'missing-alert-identity',
        id: 'C',
        effect: 'excluded-from-alert-stats',
      }),
    ]);
  });

  it('rejects shifts that do not end after they start or have unreadable times', () => {
    const shift: OnCallShift = {
      user: 'user:default/alice',
      start: '2025-03-03T08:00:00Z',
      end: '2025-03-03T20:00:00Z',
      timeZone: 'Europe/Berlin',
    };
    const { shifts, problems } = validateAlertQualityInput(
      [],
      [shift, { ...shift, end: shift.start }, { ...shift, start: 'monday' }],
    );
    expect(shifts).toHaveLength(1);
    expect(shifts[0]).toMatchObject({
      startMs: Date.UTC(2025, 2, 3, 8),
      endMs: Date.UTC(2025, 2, 3, 20),
      timeZone: 'Europe/Berlin',
    });
    expect(problems.map(p => [p.subject, p.index, p.kind, p.field])).toEqual([
      ['shift', 1, 'empty-shift', 'end'],
      ['shift', 2, 'invalid-value', 'start'],
    ]);
  });
});
