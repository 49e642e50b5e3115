import { ConfigReader } from '@backstage/config';
import { describeDuration, readPushOptions } from './pushOptions';

const HOUR = 3_600_000;

describe('readPushOptions', () => {
  it('defaults to 7 days of minutes and 400 days of hours', () => {
    expect(readPushOptions(new ConfigReader({}))).toEqual({
      minuteRetentionMs: 7 * 24 * HOUR,
      hourRetentionMs: 400 * 24 * HOUR,
    });
  });

  it('reads durations in any config form', () => {
    expect(
      readPushOptions(
        new ConfigReader({
          reliability: {
            push: { minuteRetention: '2d', hourRetention: { days: 90 } },
          },
        }),
      ),
    ).toEqual({
      minuteRetentionMs: 48 * HOUR,
      hourRetentionMs: 90 * 24 * HOUR,
    });
  });

  it('refuses retentions that would lose data', () => {
    expect(() =>
      readPushOptions(
        new ConfigReader({ reliability: { push: { minuteRetention: '30m' } } }),
      ),
    ).toThrow('reliability.push.minuteRetention must be at least 1 hour');
    expect(() =>
      readPushOptions(
        new ConfigReader({
          reliability: {
            push: { minuteRetention: '30d', hourRetention: '7d' },
          },
        }),
      ),
    ).toThrow(
      'reliability.push.hourRetention must not be shorter than reliability.push.minuteRetention',
    );
  });

  it('describes durations for messages', () => {
    expect(describeDuration(7 * 24 * HOUR)).toBe('7 days');
    expect(describeDuration(HOUR)).toBe('1 hour');
    expect(describeDuration(90 * 60_000)).toBe('90 minutes');
  });
});
