import { DateTime, Settings } from 'luxon';
import { formatAge, formatInViewerZone } from './time';

describe('formatInViewerZone', () => {
  const zone = Settings.defaultZone;
  afterEach(() => {
    Settings.defaultZone = zone;
  });

  it('shows an instant given with another offset in the viewer zone', () => {
    Settings.defaultZone = 'America/New_York';
    expect(formatInViewerZone('2026-03-02T09:00:00+01:00')).toBe(
      'Mon 2 Mar, 03:00 EST',
    );
  });

  it('says unknown for a missing time and keeps unreadable text', () => {
    expect(formatInViewerZone(undefined)).toBe('unknown');
    expect(formatInViewerZone('soon')).toBe('soon');
  });
});

describe('formatAge', () => {
  it('counts days rather than rounding to months', () => {
    const now = DateTime.fromISO('2026-03-01T12:00:00Z');
    expect(formatAge('2026-01-20T12:00:00Z', now)).toBe('40 days ago');
    expect(formatAge('2026-03-01T09:00:00Z', now)).toBe('3 hours ago');
  });
});
