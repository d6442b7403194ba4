import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createUser, csrfFrom, signIn } from '../console/support/console-client.ts';
import { type CookieJar, request } from '../support/browserless.ts';
import type { AuthFixture } from './fixture.ts';

/**
 * Helpers for the provider role's user flows over plain HTTP with a cookie jar (the browser tests
 * drive the same pages in Chromium): sign a staffer in, walk /oauth2-authorize, exchange codes.
 */
export const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

export async function staffer(f: AuthFixture, email: string): Promise<{ jar: CookieJar; id: string }> {
  const user = await createUser(f.consentry, email, ['connect_accounts']);
  return { jar: await signIn(f.consentry, email), id: user.id };
}

export const authorizeUrl = (f: AuthFixture, params: Record<string, string>) =>
  `${f.baseUrl}/oauth2-authorize?${new URLSearchParams(params)}`;

/**
 * GET the authorization URL; when the consent page shows, answer it (`allow` or `deny`).
 * Returns the final response: a 303 to the application, or an error page.
 */
export async function authorize(
  jar: CookieJar,
  url: string,
  decision: 'allow' | 'deny' = 'allow',
): Promise<{ res: Response; location: URL | undefined; consentShown: boolean; page?: string }> {
  const res = await request(jar, url);
  if (res.status === 303) {
    const location = new URL(res.headers.get('location')!, url);
    return { res, location, consentShown: false };
  }
  const page = await res.text();
  if (res.status !== 200) return { res, location: undefined, consentShown: false, page };
  const fields: Record<string, string> = { _csrf: csrfFrom(page), decision };
  for (const m of page.matchAll(/<input type="hidden" name="([a-z_]+)" value="([^"]*)">/g))
    if (m[1] !== '_csrf') fields[m[1]!] = decode(m[2]!);
  const action = /<form method="post" action="([^"]+)">/.exec(page)![1]!;
  const post = await request(jar, new URL(action, url).href, {
    method: 'POST',
    body: new URLSearchParams(fields),
  });
  expect(post.status).toBe(303);
  return { res: post, location: new URL(post.headers.get('location')!), consentShown: true, page };
}

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));

export function tokenForm(f: AuthFixture, form: Record<string, string>, basic?: [string, string]) {
  return f.tokenRequest(form, basic ? { basic } : {});
}

export async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

export const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
