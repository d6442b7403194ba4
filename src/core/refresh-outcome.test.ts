import { describe, expect, it } from 'vitest';
import { safeDescription } from '../domain/connection-health.ts';
import { ConsentryError } from '../domain/errors.ts';
import { withAnswer } from '../protocol/token-answer.ts';
import { classifyRefusal } from './refresh-outcome.ts';

/** The RFC 6749 §5.2 / HTTP defaults of the one classification (provider mappings: test/health). */
const provider = { key: 'p', errors: [] };
function refused(status: number, body?: Record<string, unknown>, retryAfterSeconds?: number) {
  const error = new ConsentryError(status >= 500 ? 'PROVIDER_UNAVAILABLE' : 'TOKEN_REQUEST_REJECTED', {
    facts: { provider: 'p', status, ...(typeof body?.error === 'string' ? { oauthError: body.error } : {}) },
  });
  return withAnswer(error, { status, body, retryAfterSeconds });
}
const classify = (e: unknown, extra: Partial<Parameters<typeof classifyRefusal>[1]> = {}) =>
  classifyRefusal(e, { provider, stage: 'refresh', ...extra });

describe('classifyRefusal defaults', () => {
  it.each([
    [400, { error: 'invalid_grant' }, 'grant_dead', 'revoked'],
    [400, { error: 'interaction_required' }, 'grant_dead', 'consent_required'],
    [400, { error: 'consent_required' }, 'grant_dead', 'consent_required'],
    [400, { error: 'login_required' }, 'grant_dead', 'consent_required'],
    [401, { error: 'invalid_client' }, 'client_invalid', 'client_invalid'],
    [400, { error: 'unauthorized_client' }, 'unknown_refusal', 'refused'],
    [400, { error: 'temporarily_unavailable' }, 'transient', 'provider_unavailable'],
    [503, undefined, 'transient', 'provider_unavailable'],
    [429, { error: 'slow_down' }, 'transient', 'rate_limited'],
    [404, { message: 'not here' }, 'unknown_refusal', 'refused'],
  ] as const)('HTTP %i %j → %s/%s', (status, body, kind, cause) => {
    expect(classify(refused(status, body))).toMatchObject({ kind, cause });
  });

  it('invalid_grant after the known lapse date is `expired`', () => {
    const now = new Date('2026-01-02T00:00:00Z');
    expect(
      classify(refused(400, { error: 'invalid_grant' }), {
        refreshExpiresAt: new Date('2026-01-01T00:00:00Z'),
        now,
      }),
    ).toMatchObject({ cause: 'expired' });
  });

  it('a network error (no answer) is transient; Retry-After is carried', () => {
    expect(classify(new ConsentryError('PROVIDER_UNAVAILABLE'))).toMatchObject({ kind: 'transient' });
    expect(classify(new TypeError('fetch failed'))).toMatchObject({ kind: 'transient' });
    expect(classify(refused(429, {}, 42))).toMatchObject({ retryAfterSeconds: 42 });
  });

  it('evidence never carries the secrets it was told about, nor long opaque runs', () => {
    const rt = 'rt-0123456789-secret';
    const c = classify(
      refused(400, { error: 'weird', error_description: `bad token ${rt} eyJ${'a'.repeat(60)}` }),
      {
        secrets: [rt],
      },
    );
    expect(c.evidence.description).toBe('bad token [redacted] [redacted]');
    expect(safeDescription('x'.repeat(500))?.length).toBeLessThanOrEqual(301);
  });
});
