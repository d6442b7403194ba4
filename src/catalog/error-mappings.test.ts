import { describe, expect, it } from 'vitest';
import { fieldAt, parseRetryAfter } from './error-mappings.ts';

describe('error mapping helpers', () => {
  it('fieldAt follows dotted paths into objects and arrays', () => {
    const body = { Fault: { Error: [{ code: '3200' }] }, status: 'BAD_REFRESH_TOKEN', n: 7 };
    expect(fieldAt(body, 'Fault.Error.0.code')).toBe('3200');
    expect(fieldAt(body, 'status')).toBe('BAD_REFRESH_TOKEN');
    expect(fieldAt(body, 'n')).toBe('7');
    expect(fieldAt(body, 'Fault.Error.1.code')).toBeUndefined();
    expect(fieldAt(undefined, 'status')).toBeUndefined();
  });

  it('Retry-After: delay-seconds or an HTTP date (RFC 9110 §10.2.3), capped at a day', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('9999999', now)).toBe(86_400);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
