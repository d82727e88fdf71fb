import { describe, expect, it } from 'vitest';
import {
  addMinutesLocal,
  formatSchoolTime,
  fromLocalInput,
  timeZoneOptions,
  toLocalInput,
} from '../src/filter/time.ts';

const LONDON = 'Europe/London';

describe('school wall-clock times', () => {
  it('reads a time in winter (GMT) and in summer (BST)', () => {
    expect(fromLocalInput(LONDON, '2026-01-12T09:00')?.toISOString()).toBe('2026-01-12T09:00:00.000Z');
    expect(fromLocalInput(LONDON, '2026-06-15T09:00')?.toISOString()).toBe('2026-06-15T08:00:00.000Z');
  });

  it('reads the same wall time whatever zone the browser is in', () => {
    expect(fromLocalInput('America/New_York', '2026-06-15T09:00')?.toISOString()).toBe(
      '2026-06-15T13:00:00.000Z',
    );
  });

  it('shows an instant as the school’s wall-clock time', () => {
    expect(toLocalInput(LONDON, new Date('2026-06-15T08:00:00Z'))).toBe('2026-06-15T09:00');
    expect(toLocalInput(LONDON, new Date('2026-12-01T23:59:30Z'))).toBe('2026-12-01T23:59');
  });

  it('round-trips across the change of clocks', () => {
    for (const wall of ['2026-03-29T00:30', '2026-03-29T03:00', '2026-10-25T00:59', '2026-10-25T02:00']) {
      const at = fromLocalInput(LONDON, wall);
      expect(at && toLocalInput(LONDON, at)).toBe(wall);
    }
  });

  it('reads the hour that happens twice as the first, and a skipped time past the change', () => {
    expect(fromLocalInput(LONDON, '2026-10-25T01:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(fromLocalInput(LONDON, '2026-03-29T01:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses what is not a time', () => {
    expect(fromLocalInput(LONDON, '')).toBeNull();
    expect(fromLocalInput(LONDON, 'tomorrow')).toBeNull();
    expect(fromLocalInput('Not/AZone', '2026-01-12T09:00')).toBeNull();
  });

  it('moves a time on in real minutes', () => {
    expect(addMinutesLocal(LONDON, '2026-01-12T09:00', 60)).toBe('2026-01-12T10:00');
    expect(addMinutesLocal(LONDON, '2026-03-29T00:30', 60)).toBe('2026-03-29T02:30');
  });
});

describe('formatSchoolTime', () => {
  it('writes times the British way, in the school’s zone', () => {
    expect(formatSchoolTime('2026-06-15T08:05:00Z', LONDON)).toBe('15 Jun 2026, 09:05');
    expect(formatSchoolTime('2026-01-12T09:00:00Z', LONDON)).toBe('12 Jan 2026, 09:00');
  });

  it('leaves what is not a time alone', () => {
    expect(formatSchoolTime('soon', LONDON)).toBe('soon');
  });
});

describe('timeZoneOptions', () => {
  it('offers London and keeps the school’s zone even if unlisted', () => {
    expect(timeZoneOptions(LONDON)).toContain(LONDON);
    expect(timeZoneOptions('Etc/Unlisted')).toContain('Etc/Unlisted');
  });
});
