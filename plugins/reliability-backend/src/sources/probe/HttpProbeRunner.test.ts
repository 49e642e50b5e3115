import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { MINUTE_MS } from '../../database/SliBucketStore';
import {
  LocalServer,
  startLocalServer,
} from '../../net/__testUtils__/localServer';
import { SsrfGuard } from '../../net';
import { MemorySliBucketStore } from '../push/__testUtils__/MemorySliBucketStore';
import { lookupOf, ratioSlo } from '../push/__testUtils__/slos';
import { MemoryHttpProbeStatusStore } from './__testUtils__/MemoryHttpProbeStatusStore';
import { HttpProbeRunner, readProbeTimeoutMs } from './HttpProbeRunner';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 10);
const MINUTE = Date.UTC(2026, 10, 22, 12, 0);

describe('HttpProbeRunner', () => {
  let server: LocalServer;

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      switch (req.url) {
        case '/ok':
          res.writeHead(200).end('ok');
          break;
        case '/empty':
          res.writeHead(204).end();
          break;
        case '/down':
          res.writeHead(503).end('maintenance');
          break;
        case '/slow':
          setTimeout(() => res.writeHead(200).end('late'), 150);
          break;
        case '/hang':
          break; // never answers
        default:
          res.writeHead(404).end();
      }
    });
  });

  afterAll(() => server.close());

  const probe = (id: string, spec: Record<string, unknown>) =>
    ratioSlo(id, 'HttpProbe', spec, { url: spec.url });

  function setup(
    slos: ReturnType<typeof probe>[],
    guard = SsrfGuard.create({
      allowedHosts: ['127.0.0.1'],
      // The test server is on loopback, which only this opens.
      allowPrivateNetworks: true,
    }),
  ) {
    const store = new MemorySliBucketStore();
    const statuses = new MemoryHttpProbeStatusStore();
    const logger = mockServices.logger.mock();
    let now = NOW;
    const runner = HttpProbeRunner.create({
      slos: lookupOf(
        ...slos,
        ratioSlo('checkout-availability', 'Prometheus', { query: 'up' }),
      ),
      store,
      statuses,
      guard,
      logger,
      timeoutMs: 1000,
      now: () => now,
    });
    return {
      runner,
      store,
      statuses,
      logger,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  it('records good and bad one-minute buckets by status and latency', async () => {
    const { runner, store, statuses } = setup([
      probe('ok', { url: `${server.origin}/ok`, latencyThresholdMs: 5000 }),
      probe('head-204', {
        url: `${server.origin}/empty`,
        method: 'HEAD',
        expectedStatus: [200, 204],
      }),
      probe('down', { url: `${server.origin}/down` }),
      probe('only-201', { url: `${server.origin}/ok`, expectedStatus: 201 }),
      probe('slow', { url: `${server.origin}/slow`, latencyThresholdMs: 50 }),
    ]);

    await expect(runner.run()).resolves.toEqual({
      probes: 5,
      good: 2,
      bad: 3,
      errors: 0,
    });

    const bucket = async (id: string) =>
      (await store.listBuckets(id, 0, Infinity)).map(b => [
        b.bucketStart,
        b.good,
        b.total,
      ]);
    await expect(bucket('ok')).resolves.toEqual([[MINUTE, 1, 1]]);
    await expect(bucket('head-204')).resolves.toEqual([[MINUTE, 1, 1]]);
    await expect(bucket('down')).resolves.toEqual([[MINUTE, 0, 1]]);
    await expect(bucket('only-201')).resolves.toEqual([[MINUTE, 0, 1]]);
    await expect(bucket('slow')).resolves.toEqual([[MINUTE, 0, 1]]);

    expect(statuses.statuses.get('down')).toMatchObject({
      outcome: 'bad',
      statusCode: 503,
      message: 'status 503, expected a 2xx status',
    });
    expect(statuses.statuses.get('only-201')?.message).toBe(
      'status 200, expected 201',
    );
    const slow = statuses.statuses.get('slow');
    expect(slow).toMatchObject({ outcome: 'bad', statusCode: 200 });
    expect(slow?.latencyMs).toBeGreaterThanOrEqual(140);
    expect(slow?.message).toMatch(
      /^latency \d+ ms above the threshold of 50 ms$/,
    );
    expect(statuses.statuses.get('ok')).toMatchObject({
      sloId: 'ok',
      checkedAt: NOW,
      outcome: 'good',
      statusCode: 200,
    });
  });

  it('counts a timeout as bad', async () => {
    const { runner, store, statuses } = setup([
      probe('hang', { url: `${server.origin}/hang` }),
    ]);
    await runner.run();
    await expect(store.listBuckets('hang', 0, Infinity)).resolves.toEqual([
      { sloId: 'hang', bucketStart: MINUTE, good: 0, total: 1 },
    ]);
    expect(statuses.statuses.get('hang')?.message).toBe(
      'no response within 1000 ms',
    );
  });

  it('records refused probes and invalid specs as errors, without a bucket', async () => {
    const { runner, store, statuses, logger } = setup(
      [
        probe('loopback', { url: `${server.origin}/ok` }),
        probe('elsewhere', { url: 'http://10.0.0.1/' }),
        probe('broken', { url: `${server.origin}/ok`, interval: '10s' }),
      ],
      SsrfGuard.create({ allowedHosts: ['127.0.0.1'] }),
    );

    await expect(runner.run()).resolves.toEqual({
      probes: 3,
      good: 0,
      bad: 0,
      errors: 3,
    });
    expect(store.minutes.size).toBe(0);
    expect(statuses.statuses.get('loopback')).toEqual({
      sloId: 'loopback',
      checkedAt: NOW,
      outcome: 'error',
      message:
        "refused: host '127.0.0.1' refused: address 127.0.0.1 is a loopback address (reliability.probes.allowPrivateNetworks allows private networks)",
    });
    expect(statuses.statuses.get('elsewhere')?.message).toBe(
      "refused: host '10.0.0.1' is not in reliability.probes.allowedHosts",
    );
    expect(statuses.statuses.get('broken')?.message).toBe(
      "SLO 'broken' has an invalid HTTP probe: good.metricSource.spec.interval: must be a duration of whole minutes from 1m to 1h, e.g. 1m, 5m or PT5M",
    );
    expect(logger.warn).toHaveBeenCalledWith(
      "HTTP probe of SLO 'elsewhere' could not run: refused: host '10.0.0.1' is not in reliability.probes.allowedHosts",
    );
  });

  it('runs each probe once per interval', async () => {
    const { runner, advance } = setup([
      probe('every-minute', { url: `${server.origin}/ok` }),
      probe('every-5-minutes', { url: `${server.origin}/ok`, interval: '5m' }),
    ]);
    const ran = async () => {
      const s = await runner.run();
      return s.good + s.bad + s.errors;
    };
    expect(await ran()).toBe(2); // 12:00:10
    advance(30_000);
    expect(await ran()).toBe(0); // 12:00:40, same minute
    advance(MINUTE_MS);
    expect(await ran()).toBe(1); // 12:01:40
    advance(4 * MINUTE_MS);
    expect(await ran()).toBe(2); // 12:05:40
    expect(server.requests.length).toBeGreaterThanOrEqual(5);
  });

  it('schedules itself as reliability-http-probes, and reads its timeout from config', async () => {
    const scheduler = mockServices.scheduler.mock();
    const { runner } = setup([]);
    await runner.schedule(scheduler);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'reliability-http-probes',
        frequency: { minutes: 1 },
      }),
    );
    expect(readProbeTimeoutMs(new ConfigReader({}))).toBe(10_000);
    expect(
      readProbeTimeoutMs(
        new ConfigReader({ reliability: { probes: { timeout: '3s' } } }),
      ),
    ).toBe(3000);
  });

  it('fails the run when the SLOs cannot be listed', async () => {
    const runner = HttpProbeRunner.create({
      slos: { listAllSlos: () => Promise.reject(new Error('database gone')) },
      store: new MemorySliBucketStore(),
      statuses: new MemoryHttpProbeStatusStore(),
      guard: SsrfGuard.create({ allowedHosts: [] }),
      logger: mockServices.logger.mock(),
    });
    await expect(runner.run()).rejects.toThrow(
      'HTTP probes could not start; caused by Error: database gone',
    );
  });
});
