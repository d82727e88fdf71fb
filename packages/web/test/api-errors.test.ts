import { describe, expect, it } from 'vitest';
import { parseApiError } from '../src/api.ts';

describe('parseApiError', () => {
  it('reads the id, message and details of an API error', () => {
    const error = parseApiError(400, {
      error: {
        id: 'validation',
        message: 'Not valid.',
        details: [{ path: 'newPassword', reason: 'too short' }],
      },
    });
    expect(error.status).toBe(400);
    expect(error.id).toBe('validation');
    expect(error.message).toBe('Not valid.');
    expect(error.details).toEqual([{ path: 'newPassword', reason: 'too short' }]);
    expect(error.retryAfterSeconds).toBeNull();
  });

  it('takes the wait from a retryAfterSeconds detail, then from Retry-After', () => {
    const fromDetail = parseApiError(429, {
      error: {
        id: 'auth.throttled',
        message: 'Wait.',
        details: [{ path: 'retryAfterSeconds', reason: '30' }],
      },
    });
    expect(fromDetail.retryAfterSeconds).toBe(30);
    const fromHeader = parseApiError(429, { error: { id: 'auth.throttled', message: 'Wait.' } }, '12');
    expect(fromHeader.retryAfterSeconds).toBe(12);
  });

  it('names an error that is not in the API shape by its status', () => {
    expect(parseApiError(403, '<html>').id).toBe('forbidden');
    expect(parseApiError(502, null).id).toBe('internal');
  });
});
