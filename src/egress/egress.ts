import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Agent, fetch as undiciFetch } from 'undici';
import { ConsentryError, isConsentryError } from '../domain/errors.ts';
import {
  assertAddressAllowed,
  assertSchemeAllowed,
  defaultPort,
  type EgressPolicy,
  normalizeHost,
} from './policy.ts';

/**
 * The one egress module (ARCHITECTURE.md, "As the house grows"): every outbound request the
 * server makes goes through `Egress.fetch` (HTTP) or `Egress.resolveServer` (IMAP/SMTP sockets).
 * Nothing else opens sockets or calls `fetch` (test/architecture.test.ts holds this).
 *
 * What it guarantees for each request:
 * - the scheme rule per URL (https; plain http only to an allowed loopback host or the operator's
 *   own origin), checked on every URL — also a `jwks_uri` or UserInfo endpoint a discovery
 *   document advertises, and every redirect hop;
 * - the address rule on the RESOLVED address, at connect time: the lookup undici's connector
 *   calls is ours, so a host name that resolves to a public address when checked and to
 *   127.0.0.1 when connecting (DNS rebinding) is still refused; IP literals are checked before
 *   the connection is opened;
 * - no redirects unless the caller asks (`redirect: 'follow'`, at most 5 hops, each checked);
 * - a timeout (default 10 s) and a response-size limit (default 1 MiB), after which the request
 *   is aborted: a peer cannot make us buffer without bound.
 *
 * Errors: EGRESS_REFUSED (policy), EGRESS_RESPONSE_TOO_LARGE; network failures and timeouts keep
 * their own names (TypeError "fetch failed", TimeoutError) so callers classify them as transient.
 */
export interface EgressFetchInit extends Omit<RequestInit, 'signal'> {
  /** `manual` (default): a 3xx is returned to the caller as is; `error`: a 3xx is refused. */
  redirect?: RequestRedirect;
  signal?: AbortSignal | null | undefined;
  /** ms; default 10 000. */
  timeoutMs?: number;
  /** bytes; default 1 MiB. */
  maxResponseBytes?: number;
}

export type EgressFetch = (url: string | URL, init?: EgressFetchInit) => Promise<Response>;

/** A name resolver (tests substitute one to simulate DNS rebinding). */
export type Resolver = (host: string) => Promise<LookupAddress[]>;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 5;

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

export class Egress {
  readonly policy: EgressPolicy;
  readonly #resolve: Resolver;
  /**
   * undici and the agent, loaded at the first request: undici is ~60 modules, and the CLI's
   * listings (issue 15: a fast CLI) compose an Egress that never sends anything.
   */
  #undici: Promise<{ agent: Agent; fetch: typeof undiciFetch }> | undefined;

  constructor(policy: EgressPolicy, options: { resolve?: Resolver } = {}) {
    this.policy = policy;
    this.#resolve = options.resolve ?? systemResolver;
  }

  #client(): Promise<{ agent: Agent; fetch: typeof undiciFetch }> {
    this.#undici ??= import('undici').then(({ Agent, buildConnector, fetch }) => ({
      fetch,
      agent: this.#newAgent(Agent, buildConnector),
    }));
    return this.#undici;
  }

  #newAgent(Agent: typeof import('undici').Agent, buildConnector: typeof import('undici').buildConnector) {
    return new Agent({
      connect: (opts, callback) => {
        const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
        const host = normalizeHost(opts.hostname);
        if (isIP(host)) {
          try {
            assertAddressAllowed(this.policy, host, host, port);
          } catch (e) {
            callback(e as Error, null);
            return;
          }
        }
        buildConnector({ lookup: this.lookupFor(port), timeout: DEFAULT_TIMEOUT_MS })(opts, callback);
      },
    });
  }

  /**
   * A `lookup` for net/tls.connect that resolves, then refuses when any resolved address breaks
   * the policy (all of them are checked: a rebinding answer may mix public and internal ones).
   */
  lookupFor(port: number): LookupFunction {
    return (hostname, options, callback) => {
      this.#resolve(hostname).then(
        (addresses) => {
          try {
            if (addresses.length === 0)
              throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
            for (const a of addresses) assertAddressAllowed(this.policy, hostname, a.address, port);
          } catch (e) {
            callback(e as NodeJS.ErrnoException, '', 4);
            return;
          }
          const family = typeof options === 'object' ? options.family : undefined;
          const usable =
            family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
          if (typeof options === 'object' && options.all) {
            (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
          } else {
            const first = usable[0] ?? addresses[0]!;
            callback(null, first.address, first.family);
          }
        },
        (err: NodeJS.ErrnoException) => callback(err, '', 4),
      );
    };
  }

  /**
   * Resolves a mail server's host and checks it (IMAP/SMTP clients open their own sockets): the
   * caller connects to the returned `address` and verifies TLS against `servername`, so the
   * address checked is the address used.
   */
  async resolveServer(
    host: string,
    port: number,
  ): Promise<{ address: string; servername: string | undefined }> {
    const name = normalizeHost(host);
    if (isIP(name)) {
      assertAddressAllowed(this.policy, name, name, port);
      return { address: name, servername: undefined };
    }
    const addresses = await this.#resolve(name);
    if (addresses.length === 0) throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    for (const a of addresses) assertAddressAllowed(this.policy, name, a.address, port);
    return { address: addresses[0]!.address, servername: name };
  }

  /** Checks one URL against the scheme rule (for callers that only build URLs). */
  assertUrl(url: URL): void {
    assertSchemeAllowed(this.policy, url);
  }

  /** `fetch` under the policy; returns a standard (global) Response whose body is buffered. */
  readonly fetch: EgressFetch = async (input, init = {}) => {
    const {
      redirect = 'manual',
      timeoutMs = DEFAULT_TIMEOUT_MS,
      maxResponseBytes = DEFAULT_MAX_BYTES,
      signal,
      ...rest
    } = init;
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let url = new URL(String(input));
    let requestInit = rest;
    const { agent, fetch: undiciFetch } = await this.#client();
    for (let hop = 0; ; hop++) {
      assertSchemeAllowed(this.policy, url);
      const response = await undiciFetch(url, {
        ...(requestInit as Parameters<typeof undiciFetch>[1]),
        redirect: 'manual',
        signal: combined,
        dispatcher: agent,
      }).catch((e: unknown) => {
        throw unwrapRefusal(e);
      });
      const location = response.headers.get('location');
      if (redirect === 'error' && response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => {});
        throw new ConsentryError('EGRESS_REFUSED', {
          detail: `${url.host} answered with a redirect.`,
          facts: { host: url.hostname, port: defaultPort(url), reason: 'redirect' },
        });
      }
      if (redirect === 'follow' && response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel().catch(() => {});
        if (hop >= MAX_REDIRECTS) {
          throw new ConsentryError('EGRESS_REFUSED', {
            detail: `${url.host} redirected more than ${MAX_REDIRECTS} times.`,
            facts: { host: url.hostname, port: defaultPort(url), reason: 'redirects' },
          });
        }
        url = new URL(location, url);
        // RFC 9110 §15.4: 303 (and 301/302 after POST) continue as GET without the body.
        if (
          response.status === 303 ||
          ((response.status === 301 || response.status === 302) && rest.method === 'POST')
        ) {
          const { body: _b, ...withoutBody } = requestInit;
          requestInit = { ...withoutBody, method: 'GET' };
        }
        continue;
      }
      const body = await readLimited(
        response.body as ReadableStream<Uint8Array> | null,
        maxResponseBytes,
        url,
      );
      // A null-body status cannot carry a body in a Response (even an empty one).
      const nullBody = [101, 204, 205, 304].includes(response.status);
      return new Response(nullBody ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: new Headers([...response.headers]),
      });
    }
  };

  async close(): Promise<void> {
    if (this.#undici) await (await this.#undici).agent.close();
  }
}

/** undici wraps connector errors in `TypeError: fetch failed` (cause = ours): surface ours. */
function unwrapRefusal(e: unknown): unknown {
  let c: unknown = e;
  for (let i = 0; i < 4 && c; i++) {
    if (isConsentryError(c)) return c;
    c = (c as { cause?: unknown }).cause;
  }
  return e;
}

async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  url: URL,
): Promise<ArrayBuffer> {
  if (!body) return new ArrayBuffer(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new ConsentryError('EGRESS_RESPONSE_TOO_LARGE', {
        detail: `${url.host} answered with more than ${limit} bytes.`,
        facts: { host: url.hostname, limit },
      });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out.buffer;
}

let strict: Egress | undefined;
/**
 * The fetch of an egress without operator exceptions (public https only): what protocol code
 * uses when it was given no egress (library use without `createConsentry`).
 */
export function strictEgressFetch(): (url: string, init: RequestInit) => Promise<Response> {
  strict ??= new Egress({ rules: [], trustedOrigins: [] });
  return strict.fetch;
}
