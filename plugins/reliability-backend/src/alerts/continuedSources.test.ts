import { StoredAlertWithId, alertId } from './AlertStore';
import { mergeContinuedAlerts } from './continuedSources';

function stored(
  source: string,
  externalId: string,
  fields: Partial<StoredAlertWithId> = {},
): StoredAlertWithId {
  return {
    id: alertId(source, externalId),
    source,
    externalId,
    entityRef: 'group:default/billing',
    urgency: 'low',
    status: 'triggered',
    triggeredAt: '2026-11-20T10:00:00.000Z',
    deliveries: 1,
    ...fields,
  };
}

const continues = new Map([['jsm', 'opsgenie']]);

describe('mergeContinuedAlerts', () => {
  it('counts an alert reported by Opsgenie and by the JSM site it moved to once', () => {
    const before = stored('opsgenie', 'a1', {
      acknowledgedAt: '2026-11-20T10:05:00.000Z',
      acknowledgedBy: 'ana@example.com',
      status: 'acknowledged',
      actionable: true,
      triagedBy: 'user:default/ana',
    });
    const after = stored('jsm', 'a1', {
      status: 'resolved',
      acknowledgedAt: '2026-11-20T10:07:00.000Z',
      acknowledgedBy: '5b10ac8d',
      resolvedAt: '2026-11-20T11:00:00.000Z',
      resolvedBy: '5b10ac8d',
      urgency: 'high',
    });
    const jsmOnly = stored('jsm', 'a2');
    const merged = mergeContinuedAlerts([before, after, jsmOnly], continues);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual({
      ...before,
      // The Opsgenie row keeps its id, so triage links stay valid.
      id: before.id,
      status: 'resolved',
      urgency: 'high',
      acknowledgedAt: '2026-11-20T10:05:00.000Z',
      acknowledgedBy: 'ana@example.com',
      resolvedAt: '2026-11-20T11:00:00.000Z',
      resolvedBy: '5b10ac8d',
      deliveries: 2,
    });
    expect(merged[1]).toBe(jsmOnly);
  });

  it('keeps the earlier row as kept whichever comes first, and takes a verdict from either', () => {
    const after = stored('jsm', 'a1', { actionable: false, triagedBy: 'x' });
    const before = stored('opsgenie', 'a1');
    const [merged] = mergeContinuedAlerts([after, before], continues);
    expect(merged.id).toBe(before.id);
    expect(merged.source).toBe('opsgenie');
    expect(merged.actionable).toBe(false);
    expect(merged.triagedBy).toBe('x');
  });

  it('leaves alerts of unrelated sources, and equal ids of unrelated sources, alone', () => {
    const alerts = [
      stored('pagerduty', 'a1'),
      stored('opsgenie', 'a1'),
      stored('alertmanager', 'a1'),
    ];
    expect(mergeContinuedAlerts(alerts, continues)).toEqual(alerts);
    expect(mergeContinuedAlerts(alerts, new Map())).toBe(alerts);
  });
});
