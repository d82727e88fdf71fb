import { describe, expect, it } from 'vitest';
import { formatDate, reviewState } from '../src/dates.ts';

describe('reviewState', () => {
  const now = new Date(2025, 4, 24, 15, 30); // 24 May 2025, afternoon, local time

  it('has nothing to say without a date', () => {
    expect(reviewState(null, now)).toEqual({ kind: 'none' });
    expect(reviewState('summer term', now)).toEqual({ kind: 'none' });
  });

  it('counts whole calendar days, whatever the time of day', () => {
    expect(reviewState('2025-05-23', now)).toEqual({ kind: 'overdue', days: 1 });
    expect(reviewState('2025-05-24', now)).toEqual({ kind: 'today' });
    expect(reviewState('2025-05-25', now)).toEqual({ kind: 'soon', days: 1 });
  });

  it('warns within 60 days and not beyond', () => {
    expect(reviewState('2025-07-23', now)).toEqual({ kind: 'soon', days: 60 });
    expect(reviewState('2025-07-24', now)).toEqual({ kind: 'later', days: 61 });
  });

  it('reads the date part of a full timestamp', () => {
    expect(reviewState('2025-05-20T23:30:00Z', now)).toEqual({ kind: 'overdue', days: 4 });
  });
});

describe('formatDate', () => {
  it('writes dates the British way', () => {
    expect(formatDate('2023-05-24')).toBe('24 May 2023');
  });

  it('leaves what is not a date alone', () => {
    expect(formatDate('Summer Term 2024')).toBe('Summer Term 2024');
  });
});
