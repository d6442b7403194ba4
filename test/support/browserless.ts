/**
 * Walks a consent URL through oidc-provider's login and consent screens with plain HTTP and a
 * cookie jar — the same requests a browser makes, minus the rendering. Browser tests use Chromium;
 * this keeps protocol tests fast. Returns the final redirect to the client's callback.
 */
export class CookieJar {
  readonly #cookies = new Map<string, Map<string, string>>();

  header(url: string): string {
    const host = new URL(url).host;
    return [...(this.#cookies.get(host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.#cookies.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.#cookies.set(host, jar);
  }

  set(url: string, name: string, value: string): void {
    const host = new URL(url).host;
    const jar = this.#cookies.get(host) ?? new Map<string, string>();
    jar.set(name, value);
    this.#cookies.set(host, jar);
  }

  get(url: string, name: string): string | undefined {
    return this.#cookies.get(new URL(url).host)?.get(name);
  }
}

export async function request(
  jar: CookieJar,
  url: string,
  init: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  const cookie = jar.header(url);
  if (cookie) headers.cookie = cookie;
  if (init.body) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    redirect: 'manual',
    ...(init.body ? { body: init.body.toString() } : {}),
  });
  jar.store(url, response);
  return response;
}

/**
 * Follows redirects from `url` until one leaves the provider for `stopPrefix` (the client's
 * callback), signing in as `login` and consenting (or aborting, for the deny path) on the way.
 */
export async function consentAtProvider(
  jar: CookieJar,
  url: string,
  options: { login?: string; stopPrefix: string; deny?: boolean },
): Promise<string> {
  let next = url;
  for (let hop = 0; hop < 20; hop++) {
    if (next.startsWith(options.stopPrefix)) return next;
    const res = await request(jar, next);
    if (res.status >= 300 && res.status < 400) {
      next = new URL(res.headers.get('location')!, next).href;
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (res.status !== 200 || !action)
      throw new Error(`unexpected provider page ${res.status} at ${next}: ${page.slice(0, 300)}`);
    const submit = new URL(action.replace(/&amp;/g, '&'), next).href;
    let post: Response;
    if (options.deny && /name="prompt" value="consent"/.test(page)) {
      post = await request(jar, submit.replace(/\/?$/, '/abort'));
    } else if (/name="prompt" value="login"/.test(page)) {
      post = await request(jar, submit, {
        method: 'POST',
        body: new URLSearchParams({ prompt: 'login', login: options.login ?? 'alice', password: 'any' }),
      });
    } else {
      post = await request(jar, submit, { method: 'POST', body: new URLSearchParams({ prompt: 'consent' }) });
    }
    if (!(post.status >= 300 && post.status < 400)) throw new Error(`provider form answered ${post.status}`);
    next = new URL(post.headers.get('location')!, submit).href;
  }
  throw new Error('too many redirects at the provider');
}
