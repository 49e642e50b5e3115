import { ServiceLevelObjective } from '@reliability/backstage-plugin-common';
import { sliSourceTypeOf } from './sliSourceType';

function sloWith(sli: ServiceLevelObjective['sli']): ServiceLevelObjective {
  return {
    id: 'checkout-availability',
    name: 'availability',
    service: 'checkout',
    labels: {},
    budgetingMethod: 'Occurrences',
    objective: { target: 0.999, targetPercent: 99.9 },
    sli,
    source: {
      format: 'openslo/v1',
      location: { file: 'slos.yaml', line: 1, column: 1, path: '' },
    },
  };
}

describe('sliSourceTypeOf', () => {
  it('reads Sloth SLIs from Prometheus', () => {
    expect(
      sliSourceTypeOf(sloWith({ kind: 'raw', errorRatioQuery: 'vector(0)' })),
    ).toBe('prometheus');
  });

  it('turns OpenSLO metric source types into kebab case', () => {
    const probe = { type: 'HttpProbe', spec: {} };
    expect(
      sliSourceTypeOf(
        sloWith({ kind: 'ratio', counter: true, good: probe, total: probe }),
      ),
    ).toBe('http-probe');
    expect(
      sliSourceTypeOf(
        sloWith({ kind: 'threshold', metric: { type: 'Push', spec: {} } }),
      ),
    ).toBe('push');
  });

  it('gives undefined when the SLI names no type', () => {
    expect(
      sliSourceTypeOf(
        sloWith({ kind: 'ratio', counter: true, good: { spec: {} } }),
      ),
    ).toBeUndefined();
  });
});
