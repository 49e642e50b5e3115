import {
  RetryableError,
  backoffDelayMs,
  defaultRetryPolicy,
  parseRetryAfterMs,
  withRetries,
} from './retry';

function recordingSleep() {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}

function failingTimes(times: number, retryAfterMs?: number) {
  let calls = 0;
  const operation = jest.fn(async () => {
    calls += 1;
    if (calls <= times) {
      throw new RetryableError(new Error(`failure ${calls}`), retryAfterMs);
    }
    return 'ok';
  });
  return operation;
}

describe('backoffDelayMs', () => {
  const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };

  it('doubles from the base delay and stops at the cap', () => {
    const max = () => 0.999999;
    expect(
      [1, 2, 3, 4, 5, 6].map(n => Math.round(backoffDelayMs(n, policy, max))),
    ).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('keeps at least half of the delay whatever the jitter', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(200);
  });

  it('never waits less than Retry-After', () => {
    expect(backoffDelayMs(1, policy, () => 0, 5000)).toBe(5000);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delay seconds', () => {
    expect(parseRetryAfterMs('3')).toBe(3000);
    expect(parseRetryAfterMs(' 1.5 ')).toBe(1500);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(parseRetryAfterMs('Wed, 01 May 2024 10:00:07 GMT', now)).toBe(7000);
  });

  it('ignores missing and malformed values', () => {
    expect(parseRetryAfterMs(null)).toBeUndefined();
    expect(parseRetryAfterMs('soon')).toBeUndefined();
  });
});

describe('withRetries', () => {
  it('retries retryable failures with growing delays until one succeeds', async () => {
    const { delays, sleep } = recordingSleep();
    const operation = failingTimes(2);
    await expect(
      withRetries(operation, {
        idempotent: true,
        sleep,
        random: () => 0,
        policy: { baseDelayMs: 10 },
      }),
    ).resolves.toBe('ok');
    expect(operation).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([5, 10]);
  });

  it('throws the last underlying error once attempts are exhausted', async () => {
    const operation = failingTimes(10);
    await expect(
      withRetries(operation, {
        idempotent: true,
        sleep: recordingSleep().sleep,
        policy: { maxAttempts: 3 },
      }),
    ).rejects.toThrow('failure 3');
    expect(operation).toHaveBeenCalledTimes(3);
  });

  it('does not retry calls that are not idempotent', async () => {
    const operation = failingTimes(1);
    await expect(
      withRetries(operation, {
        idempotent: false,
        sleep: recordingSleep().sleep,
      }),
    ).rejects.toThrow('failure 1');
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('does not retry other errors', async () => {
    const operation = jest.fn(async () => {
      throw new Error('bad query');
    });
    await expect(
      withRetries(operation, {
        idempotent: true,
        sleep: recordingSleep().sleep,
      }),
    ).rejects.toThrow('bad query');
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('waits as long as Retry-After asks', async () => {
    const { delays, sleep } = recordingSleep();
    await withRetries(failingTimes(1, 2000), {
      idempotent: true,
      sleep,
      random: () => 0,
    });
    expect(delays).toEqual([2000]);
  });

  it('fails at once when Retry-After is longer than the policy allows', async () => {
    const { delays, sleep } = recordingSleep();
    const operation = failingTimes(1, 120_000);
    await expect(
      withRetries(operation, { idempotent: true, sleep }),
    ).rejects.toThrow('failure 1');
    expect(delays).toEqual([]);
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const operation = jest.fn(async () => {
      controller.abort(new Error('cycle timed out'));
      throw new RetryableError(new Error('unavailable'));
    });
    await expect(
      withRetries(operation, {
        idempotent: true,
        signal: controller.signal,
        sleep: recordingSleep().sleep,
      }),
    ).rejects.toThrow('cycle timed out');
    expect(operation).toHaveBeenCalledTimes(1);
  });
});
