import { describe, expect, it } from 'vitest';
import { classifyRedirectUri, matchRedirectUri } from './redirect-uri.ts';

describe('redirect URIs (RFC 8252 §7, RFC 9700 §4.1.3)', () => {
  it('classifies what may be registered', () => {
    expect(classifyRedirectUri('https://app.example.org/cb')).toEqual({ kind: 'https' });
    expect(classifyRedirectUri('http://127.0.0.1/cb')).toEqual({ kind: 'loopback' });
    expect(classifyRedirectUri('http://[::1]:8080/cb')).toEqual({ kind: 'loopback' });
    expect(classifyRedirectUri('org.example.app:/cb')).toEqual({ kind: 'private-use' });
    for (const bad of [
      'http://localhost/cb',
      'http://app.example.org/cb',
      'https://app.example.org/cb#x',
      'javascript:alert(1)',
      'myapp:/cb',
      'https://user:pw@app.example.org/cb',
      '/relative',
      'data:text/html,x',
    ])
      expect(classifyRedirectUri(bad), bad).toHaveProperty('error');
  });

  it('matches https and private-use schemes exactly', () => {
    const reg = ['https://app.example.org/cb', 'org.example.app:/cb'];
    expect(matchRedirectUri('https://app.example.org/cb', reg)).toBe(true);
    expect(matchRedirectUri('https://app.example.org/cb/', reg)).toBe(false);
    expect(matchRedirectUri('https://app.example.org/cb?x=1', reg)).toBe(false);
    expect(matchRedirectUri('https://APP.example.org/cb', reg)).toBe(false);
    expect(matchRedirectUri('https://app.example.org:443/cb', reg)).toBe(false);
    expect(matchRedirectUri('org.example.app:/cb', reg)).toBe(true);
    expect(matchRedirectUri('org.example.app:/other', reg)).toBe(false);
  });

  it('matches loopback redirects on any port, the rest exact', () => {
    const reg = ['http://127.0.0.1/cb', 'http://[::1]:1234/native'];
    expect(matchRedirectUri('http://127.0.0.1:53211/cb', reg)).toBe(true);
    expect(matchRedirectUri('http://127.0.0.1/cb', reg)).toBe(true);
    expect(matchRedirectUri('http://[::1]:9/native', reg)).toBe(true);
    expect(matchRedirectUri('http://127.0.0.1:53211/cb2', reg)).toBe(false);
    expect(matchRedirectUri('http://127.0.0.1:99999/cb', reg)).toBe(false);
    expect(matchRedirectUri('http://localhost:53211/cb', reg)).toBe(false);
    expect(matchRedirectUri('http://[::1]:9/cb', reg)).toBe(false);
    expect(matchRedirectUri('https://127.0.0.1:53211/cb', reg)).toBe(false);
  });
});
