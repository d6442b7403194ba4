import { expect } from 'vitest';
import { ALL_PERMISSIONS, type Permission } from '../../../src/console/permissions.ts';
import { CookieJar, request } from '../../support/browserless.ts';
import type { TestConsentry } from '../../support/consentry.ts';

/** A console user driven over HTTP with a cookie jar (what a browser does, minus rendering). */
export const PASSWORD = 'correct horse battery staple';

export function csrfFrom(page: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1]!;
}

export async function createUser(
  t: TestConsentry,
  email: string,
  permissions: readonly Permission[] = ALL_PERMISSIONS,
) {
  return t.app.console.users.create({ email, password: PASSWORD, permissions });
}

export async function signIn(t: TestConsentry, email: string, password = PASSWORD): Promise<CookieJar> {
  const jar = new CookieJar();
  const page = await (await request(jar, `${t.baseUrl}/sign-in`)).text();
  const res = await request(jar, `${t.baseUrl}/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrfFrom(page), email, password, next: '/' }),
  });
  expect(res.status).toBe(303);
  return jar;
}

/** GET a page and return its HTML and a fresh CSRF token from it. */
export async function page(
  jar: CookieJar,
  url: string,
): Promise<{ status: number; html: string; res: Response }> {
  const res = await request(jar, url);
  return { status: res.status, html: await res.text(), res };
}

export async function post(jar: CookieJar, url: string, fields: Record<string, string>): Promise<Response> {
  return request(jar, url, { method: 'POST', body: new URLSearchParams(fields) });
}
