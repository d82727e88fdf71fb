import { describe, expect, it } from 'vitest';
import { addMonths, nextReviewDate, reviewState } from '../src/policy/index.ts';

describe('review dates', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2023-05-24', 12)).toBe('2024-05-24');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2021-04-15', 36)).toBe('2024-04-15');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });
  it('derives the next review from the approval date and interval', () => {
    expect(nextReviewDate('2018-01-09', 12)).toBe('2019-01-09');
    expect(nextReviewDate('2018-01-09', null)).toBeNull();
  });
  it('says when a review is overdue or due soon', () => {
    expect(reviewState('2024-06-01', '2026-11-23')).toBe('overdue');
    expect(reviewState('2026-12-20', '2026-11-23')).toBe('due-soon');
    expect(reviewState('2027-06-01', '2026-11-23')).toBe('ok');
    expect(reviewState(null, '2026-11-23')).toBe('none');
  });
});
