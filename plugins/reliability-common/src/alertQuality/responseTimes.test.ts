import { AlertPage } from './model';
import { measureAlertResponseTimes } from './responseTimes';
import { validateAlertQualityInput } from './validation';

const MINUTE = 60_000;
const T0 = '2025-03-03T10:00:00Z';
const at = (minutes: number) =>
  new Date(Date.parse(T0) + minutes * MINUTE).toISOString();

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

describe('measureAlertResponseTimes', () => {
  it('averages acknowledgement times over acknowledged pages and resolution times over resolved ones', () => {
    const { pages } = validateAlertQualityInput([
      page('P1', { acknowledgedAt: at(2), resolvedAt: at(10) }),
      page('P2', { acknowledgedAt: at(4) }),
      page('P3', { resolvedAt: at(30) }),
      page('P4'),
    ]);
    expect(measureAlertResponseTimes(pages)).toEqual({
      // (2 + 4) / 2; P3 and P4 were never acknowledged
      mtta: { state: 'known', meanMs: 3 * MINUTE, count: 2 },
      // (10 + 30) / 2; P2 and P4 are open
      mttr: { state: 'known', meanMs: 20 * MINUTE, count: 2 },
      pages: 4,
      acknowledged: 2,
      resolved: 2,
    });
  });

  it('leaves out acknowledgements dropped as data errors', () => {
    const { pages } = validateAlertQualityInput([
      page('P1', { acknowledgedAt: at(-5), resolvedAt: at(10) }),
      page('P2', { acknowledgedAt: at(6), resolvedAt: at(20) }),
    ]);
    const times = measureAlertResponseTimes(pages);
    expect(times.mtta).toEqual({
      state: 'known',
      meanMs: 6 * MINUTE,
      count: 1,
    });
    expect(times.mttr).toEqual({
      state: 'known',
      meanMs: 15 * MINUTE,
      count: 2,
    });
  });

  it('says MTTA and MTTR are unknown without pages, or without acknowledged or resolved ones', () => {
    expect(measureAlertResponseTimes([])).toMatchObject({
      mtta: { state: 'unknown', reason: 'no pages' },
      mttr: { state: 'unknown', reason: 'no pages' },
    });
    const { pages } = validateAlertQualityInput([page('P1')]);
    expect(measureAlertResponseTimes(pages)).toMatchObject({
      mtta: { state: 'unknown', reason: 'no page was acknowledged' },
      mttr: { state: 'unknown', reason: 'no page was resolved' },
    });
  });
});
