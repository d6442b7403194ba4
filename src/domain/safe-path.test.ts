import { describe, expect, it } from 'vitest';
import { assertSameSitePath, withQuery } from './safe-path.ts';

describe('assertSameSitePath', () => {
  it.each(['/', '/settings/mail', '/a?b=c#d', '/caf%C3%A9'])('accepts %s', (p) => {
    expect(assertSameSitePath(p)).toBe(p);
  });

  it.each([
    'https://evil.example/',
    'http:/evil',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'relative/path',
    '',
    '/\tevil',
    '/ok\nLocation: x',
    `/${'a'.repeat(3000)}`,
  ])('refuses %j', (p) => {
    expect(() => assertSameSitePath(p)).toThrow(/same-site path/);
  });

  it('refuses non-strings', () => {
    expect(() => assertSameSitePath(undefined)).toThrow();
    expect(() => assertSameSitePath(42)).toThrow();
  });

  it('adds query parameters without losing existing ones', () => {
    expect(withQuery('/a?x=1#h', { oauth: 'cancelled' })).toBe('/a?x=1&oauth=cancelled#h');
  });
});
