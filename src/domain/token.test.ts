import { describe, expect, it } from 'vitest';
import { OAuth2Token } from './token.ts';

const now = new Date('2026-01-01T00:00:00Z');

describe('OAuth2Token', () => {
  it('turns expires_in into an absolute UTC expiry, also from a string', () => {
    const t = OAuth2Token.fromResponse(
      { access_token: 'a', token_type: 'Bearer', expires_in: '3600' },
      { now },
    );
    expect(t.expiresAt?.toISOString()).toBe('2026-01-01T01:00:00.000Z');
    expect(t.tokenType).toBe('bearer');
  });

  it('has no expiry when the provider gives none, and is then never expired', () => {
    const t = OAuth2Token.fromResponse({ access_token: 'a' }, { now });
    expect(t.expiresAt).toBeUndefined();
    expect(t.isExpired(60, new Date('2100-01-01'))).toBe(false);
  });

  it('isExpired honours the skew', () => {
    const t = OAuth2Token.fromResponse({ access_token: 'a', expires_in: 120 }, { now });
    expect(t.isExpired(60, new Date(now.getTime() + 59_000))).toBe(false);
    expect(t.isExpired(60, new Date(now.getTime() + 60_000))).toBe(true);
  });

  it('is immutable', () => {
    const t = OAuth2Token.fromResponse({ access_token: 'a', scope: 'x y' }, { now });
    expect(() => {
      (t as unknown as { accessToken: string }).accessToken = 'b';
    }).toThrow();
    expect(() => (t.scopes as string[]).push('z')).toThrow();
  });

  it('withRefreshedAccess keeps the old refresh token and scopes when none are returned', () => {
    const t = OAuth2Token.fromResponse({ access_token: 'a', refresh_token: 'r1', scope: 'x y' }, { now });
    const next = t.withRefreshedAccess({ access_token: 'b', expires_in: 60 }, { now });
    expect(next.accessToken).toBe('b');
    expect(next.refreshToken).toBe('r1');
    expect(next.scopes).toEqual(['x', 'y']);
    const rotated = t.withRefreshedAccess({ access_token: 'c', refresh_token: 'r2', scope: 'x' }, { now });
    expect(rotated.refreshToken).toBe('r2');
    expect(rotated.scopes).toEqual(['x']);
    expect(t.accessToken).toBe('a');
  });

  it('splits comma-separated granted scopes when the provider uses them', () => {
    const t = OAuth2Token.fromResponse({ access_token: 'a', scope: 'repo,user' }, { scopeSeparator: ',' });
    expect(t.scopes).toEqual(['repo', 'user']);
  });

  it('never prints its secrets', () => {
    const t = OAuth2Token.fromResponse({ access_token: 'SECRET-AT', refresh_token: 'SECRET-RT' }, { now });
    expect(JSON.stringify(t)).not.toMatch(/SECRET/);
    expect(
      String((t as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')]!()),
    ).not.toMatch(/SECRET/);
  });
});
