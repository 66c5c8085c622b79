import { describe, expect, it } from 'vitest';
import { formatInstant, timeZones } from './time';

describe('times', () => {
  it('shows an instant as wall-clock time in the given zone, summer time included', () => {
    // the punctuation around the weekday differs between ICU versions
    expect(formatInstant('2025-06-02T07:00:00Z', 'Europe/Paris')).toMatch(/^Mon,? 2 Jun 2025, 09:00$/);
    expect(formatInstant('2025-01-06T08:00:00Z', 'Europe/Paris')).toMatch(/^Mon,? 6 Jan 2025, 09:00$/);
  });

  it('offers every zone, and the current one even when the list lacks it', () => {
    expect(timeZones('Europe/Paris')).toContain('America/New_York');
    expect(timeZones('Etc/Unknown')[0]).toBe('Etc/Unknown');
  });
});
