import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { EventEmitter } from 'node:events';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import {
  brotliDecompressSync,
  gunzipSync,
  inflateRawSync,
  inflateSync,
  constants as zlibConstants,
} from 'node:zlib';
import type { Agent, Dispatcher, request as undiciRequest } from 'undici';
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
/** The statuses fetch follows (a 300 or 304 with a Location header is an answer, not a redirect). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

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
  #undici: Promise<{ agent: Agent; request: typeof undiciRequest }> | undefined;

  constructor(policy: EgressPolicy, options: { resolve?: Resolver } = {}) {
    this.policy = policy;
    this.#resolve = options.resolve ?? systemResolver;
  }

  #client(): Promise<{ agent: Agent; request: typeof undiciRequest }> {
    this.#undici ??= import('undici').then(({ Agent, buildConnector, request }) => ({
      request,
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

  /**
   * `fetch` under the policy; returns a standard (global) Response whose body is buffered.
   *
   * Sent with undici's `request` rather than its `fetch` (issue 11, refresher throughput): the
   * body is buffered and size-limited here anyway, so fetch's WHATWG stream machinery bought
   * nothing and cost about half the CPU of a token request (measured: ≈ 270 µs vs ≈ 140 µs per
   * loopback request with the Response re-wrapped). What fetch did that callers rely on is kept:
   * the request body and its default content-type from any BodyInit, one deadline (the timeout,
   * and the caller's signal when there is one), `TypeError: fetch failed` (cause = the socket
   * error) for network failures and the signal's reason (TimeoutError) for timeouts, a gzip /
   * deflate / br answer decoded (bounded by the same size limit). No `accept-encoding` is sent.
   */
  readonly fetch: EgressFetch = async (input, init = {}) => {
    const {
      redirect = 'manual',
      timeoutMs = DEFAULT_TIMEOUT_MS,
      maxResponseBytes = DEFAULT_MAX_BYTES,
      signal: callerSignal,
      method = 'GET',
      ...rest
    } = init;
    const signal = new Deadline(timeoutMs, callerSignal ?? undefined);
    try {
      return await this.#send(new URL(String(input)), method, rest, redirect, maxResponseBytes, signal);
    } finally {
      signal.clear();
    }
  };

  async #send(
    first: URL,
    method: string,
    rest: Omit<EgressFetchInit, 'redirect' | 'timeoutMs' | 'maxResponseBytes' | 'signal' | 'method'>,
    redirect: RequestRedirect,
    maxResponseBytes: number,
    signal: Deadline,
  ): Promise<Response> {
    let url = first;
    let outgoing = await outgoingRequest(method, rest.headers, rest.body, signal);
    const { agent, request } = await this.#client();
    for (let hop = 0; ; hop++) {
      assertSchemeAllowed(this.policy, url);
      // An emitter does not remember: an abort before this request was sent is checked here
      // (undici registers its listener synchronously within this same tick).
      if (signal.reason !== undefined) throw signal.reason;
      const response = await request(url, {
        method: outgoing.method as Dispatcher.HttpMethod,
        headers: outgoing.headers,
        body: outgoing.body,
        signal,
        dispatcher: agent,
      }).catch((e: unknown) => {
        throw networkError(e, signal);
      });
      const status = response.statusCode;
      const location = headerValue(response.headers.location);
      if (redirect === 'error' && status >= 300 && status < 400) {
        discard(response.body);
        throw new ConsentryError('EGRESS_REFUSED', {
          detail: `${url.host} answered with a redirect.`,
          facts: { host: url.hostname, port: defaultPort(url), reason: 'redirect' },
        });
      }
      if (redirect === 'follow' && REDIRECT_STATUSES.has(status) && location) {
        discard(response.body);
        if (hop >= MAX_REDIRECTS) {
          throw new ConsentryError('EGRESS_REFUSED', {
            detail: `${url.host} redirected more than ${MAX_REDIRECTS} times.`,
            facts: { host: url.hostname, port: defaultPort(url), reason: 'redirects' },
          });
        }
        const next = new URL(location, url);
        if (next.origin !== url.origin) {
          // As fetch's HTTP-redirect fetch does: credentials are for the origin they were given to, not for
          // wherever its answer points.
          const { authorization: _a, cookie: _c, 'proxy-authorization': _p, ...headers } = outgoing.headers;
          outgoing = { ...outgoing, headers };
        }
        url = next;
        if (status === 303 || ((status === 301 || status === 302) && outgoing.method === 'POST')) {
          const headers = { ...outgoing.headers };
          delete headers['content-type'];
          outgoing = { method: 'GET', headers, body: undefined };
        }
        continue;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(name, byteString(v));
        else if (value !== undefined) headers.append(name, byteString(value));
      }
      let body = await readLimited(response.body, maxResponseBytes, url).catch((e: unknown) => {
        throw isConsentryError(e) ? e : networkError(e, signal);
      });
      body = decoded(body, headers, maxResponseBytes, url);
      const nullBody = status === 101 || status === 204 || status === 205 || status === 304;
      return new Response(nullBody ? null : (body as unknown as BodyInit), {
        status,
        statusText: '',
        headers,
      });
    }
  }

  async close(): Promise<void> {
    if (this.#undici) await (await this.#undici).agent.close();
  }
}

/**
 * What `fetch` would have thrown: our refusal (raised in the connector) as is; an abort by the
 * timeout as the signal's reason (TimeoutError); any other network failure as `TypeError: fetch
 * failed` with the socket error as cause — the shapes the protocol layer classifies as transient.
 */
function networkError(e: unknown, signal: Deadline): unknown {
  let c: unknown = e;
  for (let i = 0; i < 4 && c; i++) {
    if (isConsentryError(c)) return c;
    c = (c as { cause?: unknown }).cause;
  }
  if (signal.reason !== undefined) return signal.reason;
  return new TypeError('fetch failed', { cause: e });
}

/** Drops an answer's body; its abort error is expected and handled here, not unhandled. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/**
 * The request's one timer, and the caller's signal when there is one, as the EventEmitter
 * undici's `request` accepts for `signal`. Hand-written because `AbortSignal.timeout` costs
 * ≈ 16–20 µs per request in Node 20 (a transferable, weakly-held signal) against ≈ 0.4 µs for a
 * timer and an emitter — measurable at thousands of token requests a second (issue 11).
 * `reason` is what fetch would reject with: a TimeoutError, or the caller's abort reason.
 */
class Deadline extends EventEmitter {
  reason: unknown;
  readonly #timer: NodeJS.Timeout;
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort = () => this.#abort(this.#caller?.reason);

  constructor(ms: number, caller: AbortSignal | undefined) {
    super();
    this.#timer = setTimeout(
      () => this.#abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      ms,
    );
    this.#caller = caller;
    if (caller?.aborted) this.#abort(caller.reason);
    else caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  #abort(reason: unknown): void {
    if (this.reason !== undefined) return;
    this.reason = reason ?? new DOMException('This operation was aborted', 'AbortError');
    this.emit('abort');
  }

  clear(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }
}

/**
 * A header value as fetch gives it: one character per byte received (Latin-1). undici's `request`
 * decodes values as UTF-8, so a value with a non-Latin-1 character (`€`, CJK, a byte that is not
 * UTF-8) would make `Headers` throw — and fail the whole answer — where fetch returned it.
 */
function byteString(v: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the check is for code points > U+00FF
  return /[^\u0000-\u00ff]/.test(v) ? Buffer.from(v, 'utf8').toString('latin1') : v;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

interface Outgoing {
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

/**
 * The request as bytes and lower-cased headers, from fetch-style input. Strings and form
 * bodies (what every OAuth request sends) are converted directly; any other BodyInit (Blob,
 * FormData, a stream) goes through a standard Request, which also supplies its content-type.
 */
async function outgoingRequest(
  method: string,
  headersInit: HeadersInit | undefined,
  bodyInit: BodyInit | null | undefined,
  signal: Deadline,
): Promise<Outgoing> {
  const headers: Record<string, string> = {};
  if (headersInit)
    new Headers(headersInit).forEach((v, k) => {
      headers[k] = v;
    });
  headers['user-agent'] ??= 'Consentry';
  const upper = method.toUpperCase();
  if (bodyInit === undefined || bodyInit === null) return { method: upper, headers, body: undefined };
  if (typeof bodyInit === 'string') {
    headers['content-type'] ??= 'text/plain;charset=UTF-8';
    return { method: upper, headers, body: bodyInit };
  }
  if (bodyInit instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    return { method: upper, headers, body: bodyInit.toString() };
  }
  if (bodyInit instanceof Uint8Array) return { method: upper, headers, body: bodyInit };
  const normalised = new Request('http://body.invalid/', {
    method: upper,
    body: bodyInit,
    headers,
    duplex: 'half',
  } as RequestInit);
  normalised.headers.forEach((v, k) => {
    headers[k] = v;
  });
  return { method: upper, headers, body: await bodyBytes(normalised.body!, signal) };
}

/**
 * A request body read to its end under the request's deadline: a caller's stream that never
 * ends (or ends too slowly) is cancelled when the timeout or the caller's abort fires, as fetch
 * would cancel it, instead of holding the request past its timeout.
 */
async function bodyBytes(stream: ReadableStream<Uint8Array>, signal: Deadline): Promise<Uint8Array> {
  const reader = stream.getReader();
  const cancel = () => void reader.cancel(signal.reason).catch(() => {});
  if (signal.reason !== undefined) cancel();
  else signal.once('abort', cancel);
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.reason !== undefined) throw signal.reason;
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  } finally {
    signal.off('abort', cancel);
  }
}

async function readLimited(body: Readable, limit: number, url: URL): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) {
      discard(body);
      throw tooLarge(url, limit);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

function tooLarge(url: URL, limit: number): ConsentryError {
  return new ConsentryError('EGRESS_RESPONSE_TOO_LARGE', {
    detail: `${url.host} answered with more than ${limit} bytes.`,
    facts: { host: url.hostname, limit },
  });
}

/**
 * A compressed answer (sent although we ask for none) decoded as fetch decoded it, at most `limit`
 * bytes out of every step: codings listed in `content-encoding` (one header or several) are
 * undone last-applied first, at most 5 of them (fetch's cap); `deflate` with or without its zlib
 * wrapper; a list naming a coding we do not know is left as sent, as fetch leaves it.
 */
function decoded(body: Buffer, headers: Headers, limit: number, url: URL): Buffer {
  const encoding = headers.get('content-encoding');
  if (!encoding || body.byteLength === 0) return body;
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return body;
  if (codings.length > 5)
    throw new TypeError('fetch failed', { cause: new Error('too many content-encodings') });
  if (!codings.every((c) => DECODERS.has(c))) return body;
  let out = body;
  try {
    for (const coding of codings.reverse()) out = DECODERS.get(coding)!(out, limit);
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(url, limit);
    throw new TypeError('fetch failed', { cause: e });
  }
  headers.delete('content-encoding');
  headers.delete('content-length');
  return out;
}

// Lenient on a missing end of stream, as fetch (and curl) are: Z_SYNC_FLUSH at the end.
const gunzip = (b: Buffer, limit: number) =>
  gunzipSync(b, { maxOutputLength: limit, finishFlush: zlibConstants.Z_SYNC_FLUSH });
const DECODERS = new Map<string, (body: Buffer, limit: number) => Buffer>([
  ['gzip', gunzip],
  ['x-gzip', gunzip],
  // A zlib header starts with a CM nibble of 8 (deflate); anything else is a raw deflate stream.
  [
    'deflate',
    (b, limit) =>
      ((b[0] ?? 0) & 0x0f) === 0x08
        ? inflateSync(b, { maxOutputLength: limit, finishFlush: zlibConstants.Z_SYNC_FLUSH })
        : inflateRawSync(b, { maxOutputLength: limit, finishFlush: zlibConstants.Z_SYNC_FLUSH }),
  ],
  [
    'br',
    (b, limit) =>
      brotliDecompressSync(b, {
        maxOutputLength: limit,
        finishFlush: zlibConstants.BROTLI_OPERATION_FLUSH,
      }),
  ],
]);

let strict: Egress | undefined;
/**
 * The fetch of an egress without operator exceptions (public https only): what protocol code
 * uses when it was given no egress (library use without `createConsentry`).
 */
export function strictEgressFetch(): (url: string, init: RequestInit) => Promise<Response> {
  strict ??= new Egress({ rules: [], trustedOrigins: [] });
  return strict.fetch;
}
