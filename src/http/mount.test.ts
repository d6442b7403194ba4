import { describe, expect, it } from 'vitest';
import { prefixHtml, prefixPath } from './mount.ts';

describe('mount prefix', () => {
  it('prefixes root-relative paths only', () => {
    expect(prefixPath('/oauth', '/')).toBe('/oauth/');
    expect(prefixPath('/oauth', '/connect/x?_csrf=1')).toBe('/oauth/connect/x?_csrf=1');
    expect(prefixPath('/oauth', '/oauth/callback')).toBe('/oauth/oauth/callback'); // a Consentry path, not the prefix
    for (const other of [
      '//evil.example',
      '/\\evil',
      'https://provider.example/authorize',
      '#top',
      '?q=1',
      'relative',
    ])
      expect(prefixPath('/oauth', other)).toBe(other);
    expect(prefixPath('', '/users')).toBe('/users');
  });

  it('rewrites href, src, action and formaction in HTML, nothing else', () => {
    const page =
      '<a href="/users">Users</a><link rel="stylesheet" href="/assets/style.css"><script src="/assets/console.js"></script>' +
      '<form action="/sign-out"><button formaction="/x">x</button></form><a href="https://example.org/">out</a>' +
      '<p>Visit /users or href=&quot;/nope&quot; (escaped user text)</p><code>data-path="/keep"</code>';
    expect(prefixHtml('/oauth', page)).toBe(
      '<a href="/oauth/users">Users</a><link rel="stylesheet" href="/oauth/assets/style.css"><script src="/oauth/assets/console.js"></script>' +
        '<form action="/oauth/sign-out"><button formaction="/oauth/x">x</button></form><a href="https://example.org/">out</a>' +
        '<p>Visit /users or href=&quot;/nope&quot; (escaped user text)</p><code>data-path="/keep"</code>',
    );
    expect(prefixHtml('', page)).toBe(page);
  });
});
