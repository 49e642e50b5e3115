import { InputError } from '@backstage/errors';
import { parseSloFiles } from '@reliability/backstage-plugin-common';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { sliSourceTypeOf } from '../sliSourceType';
import { ratioSlo } from '../push/__testUtils__/slos';
import { parseHttpProbeSpec } from './httpProbeSpec';

const URL = 'https://status.example.com/health';

function probe(
  spec: Record<string, unknown>,
  total: Record<string, unknown> = { url: URL },
) {
  return ratioSlo('checkout-probe', 'HttpProbe', spec, total);
}

describe('parseHttpProbeSpec', () => {
  it('reads the example of the README through the SLO parser', () => {
    const readme = readFileSync(
      resolvePath(__dirname, '../../../README.md'),
      'utf8',
    );
    const section = readme.split('## HTTP probe SLIs')[1];
    const example = /```yaml\n(apiVersion[\s\S]*?)```/.exec(section)?.[1];
    const { slos, problems } = parseSloFiles([
      { path: 'README.md', content: example ?? '' },
    ]);
    expect(problems).toEqual([]);
    expect(slos).toHaveLength(1);
    expect(sliSourceTypeOf(slos[0])).toBe('http-probe');
    expect(parseHttpProbeSpec(slos[0])).toEqual({
      url: 'https://backstage.example.com/api/reliability/health',
      method: 'GET',
      expectedStatus: [200, 204],
      latencyThresholdMs: 500,
      intervalMs: 60_000,
      followRedirects: true,
    });
  });

  it('reads a full probe', () => {
    expect(
      parseHttpProbeSpec(
        probe({
          url: URL,
          method: 'head',
          expectedStatus: [200, 204],
          latencyThresholdMs: 500,
          interval: '5m',
          followRedirects: false,
        }),
      ),
    ).toEqual({
      url: URL,
      method: 'HEAD',
      expectedStatus: [200, 204],
      latencyThresholdMs: 500,
      intervalMs: 300_000,
      followRedirects: false,
    });
  });

  it('fills in defaults: GET, any 2xx, any latency, every minute, following redirects', () => {
    expect(parseHttpProbeSpec(probe({ url: URL }, { url: URL }))).toEqual({
      url: URL,
      method: 'GET',
      intervalMs: 60_000,
      followRedirects: true,
    });
    expect(
      parseHttpProbeSpec(
        probe(
          { url: URL, expectedStatus: 301, interval: 'PT1H' },
          { probe: 'total' },
        ),
      ),
    ).toMatchObject({ expectedStatus: [301], intervalMs: 3_600_000 });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a missing url',
      { interval: '1m' },
      'good.metricSource.spec.url: is required',
    ],
    [
      'a file: url',
      { url: 'file:///etc/passwd' },
      'good.metricSource.spec.url: must be an http or https URL without credentials',
    ],
    [
      'a method other than GET or HEAD',
      { url: URL, method: 'POST' },
      'good.metricSource.spec.method: must be GET or HEAD',
    ],
    [
      'a status out of range',
      { url: URL, expectedStatus: [200, 700] },
      'good.metricSource.spec.expectedStatus[1]: must be an HTTP status from 100 to 599',
    ],
    [
      'a status that is text',
      { url: URL, expectedStatus: '2xx' },
      'good.metricSource.spec.expectedStatus: must be an HTTP status or a list of them',
    ],
    [
      'a latency threshold of 0',
      { url: URL, latencyThresholdMs: 0 },
      'good.metricSource.spec.latencyThresholdMs: must be a number of milliseconds above 0',
    ],
    [
      'an interval under a minute',
      { url: URL, interval: '30s' },
      'good.metricSource.spec.interval: must be a duration of whole minutes from 1m to 1h, e.g. 1m, 5m or PT5M',
    ],
    [
      'an interval that is no duration',
      { url: URL, interval: 'often' },
      'good.metricSource.spec.interval: must be a duration of whole minutes from 1m to 1h, e.g. 1m, 5m or PT5M',
    ],
    [
      'a misspelt field',
      { url: URL, latencyThreshold: 500 },
      'good.metricSource.spec: unknown field "latencyThreshold"',
    ],
  ])('refuses %s', (_, spec, message) => {
    expect(() => parseHttpProbeSpec(probe(spec))).toThrow(
      new InputError(
        `SLO 'checkout-probe' has an invalid HTTP probe: ${message}`,
      ),
    );
  });

  it('refuses a total with another URL, and SLIs that are not HttpProbe ratios', () => {
    expect(() =>
      parseHttpProbeSpec(
        probe({ url: URL }, { url: 'https://other.example.com/' }),
      ),
    ).toThrow(
      "SLO 'checkout-probe' has an invalid HTTP probe: total.metricSource.spec.url differs from the probe URL in good; give the same URL or leave it out",
    );
    const mixed = probe({ url: URL });
    if (mixed.sli.kind === 'ratio') {
      mixed.sli.total = { type: 'Prometheus', spec: { query: 'x' } };
    }
    expect(() => parseHttpProbeSpec(mixed)).toThrow(
      'good and total must both be of metricSource type HttpProbe',
    );
    expect(() =>
      parseHttpProbeSpec({
        ...mixed,
        sli: {
          kind: 'threshold',
          metric: { type: 'HttpProbe', spec: { url: URL } },
        },
      }),
    ).toThrow(
      'declare it as ratioMetric with good (the probe) and total, both of metricSource type HttpProbe',
    );
  });
});
