import type { ServiceLevelObjective } from '../spec/model';
import { findRunbookEvidenceSlos } from './sloEvidence';

const slo = (
  name: string,
  format: ServiceLevelObjective['source']['format'],
): ServiceLevelObjective =>
  ({
    id: `checkout-${name}`,
    name,
    source: { format, location: { file: 'f', line: 1, column: 1, path: '' } },
  } as ServiceLevelObjective);

describe('findRunbookEvidenceSlos', () => {
  const slos = [
    slo('availability-0', 'openslo/v1'),
    slo('availability-1', 'openslo/v1'),
    slo('latency-1', 'prometheus/v1'),
  ];

  it('finds an SLO by id or name', () => {
    expect(findRunbookEvidenceSlos(slos, 'checkout-availability-1')).toEqual([
      slos[1],
    ]);
    expect(findRunbookEvidenceSlos(slos, 'latency-1')).toEqual([slos[2]]);
  });

  it('finds every objective of an OpenSLO SLO by its metadata.name', () => {
    expect(findRunbookEvidenceSlos(slos, 'availability')).toEqual([
      slos[0],
      slos[1],
    ]);
  });

  it('does not strip index suffixes of other formats, nor match prefixes', () => {
    expect(findRunbookEvidenceSlos(slos, 'latency')).toEqual([]);
    expect(findRunbookEvidenceSlos(slos, 'avail')).toEqual([]);
  });
});
