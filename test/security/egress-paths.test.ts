import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnerNotifier } from '../../src/authserver/owner-notification.ts';
import type { OAuth2Provider } from '../../src/catalog/provider.ts';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { mastodonQuirks } from '../../src/catalog/quirks/mastodon.ts';
import type { ProviderQuirks } from '../../src/catalog/quirks/quirk.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { ReconnectOutreach } from '../../src/core/reconnect-outreach.ts';
import type { Application } from '../../src/domain/application.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { derivedForms } from '../../src/domain/redact.ts';
import { Egress, type Resolver } from '../../src/egress/egress.ts';
import { allowsPlainHttp, parseEgressAllow } from '../../src/egress/policy.ts';
import { createSmtpMailer } from '../../src/egress/smtp.ts';
import { outreachTextFor } from '../../src/http/i18n/i18n.ts';
import { WebhookDispatcher } from '../../src/integrations/webhook-dispatcher.ts';
import { generateDpopKey } from '../../src/protocol/dpop.ts';
import {
  buildAuthorizationUrl,
  clientCredentialsGrant,
  fetchUserInfo,
  jwtBearerGrant,
  refreshAccessToken,
  revokeToken,
} from '../../src/protocol/grant.ts';
import { verifyIdTokenSignature } from '../../src/protocol/id-token.ts';
import { clearDiscoveryCache, openProviderSession } from '../../src/protocol/provider-session.ts';
import type { WebhookDelivery, WebhookRepository } from '../../src/storage/integrations.ports.ts';
import { clientFor } from '../catalog/support.ts';

/**
 * Issue 10, "the egress policy tested on every outbound path" (the inventory is the table in
 * docs/security.md, "Outbound requests"). Each path is driven through the same matrix, with
 * listeners on loopback only and the egress built as src/app.ts builds it:
 *
 *  refused — nothing reaches the listener (it counts TCP connections), the error is the policy's:
 *   - the listener's loopback address, not opened (EGRESS_ALLOW names only 192.0.2.1);
 *   - a `localhost`-style name for it;
 *   - a public-looking name that RESOLVES to it (the resolver hook: DNS rebinding);
 *   - the metadata, private and ULA addresses (refused before any connect: no timeout, policy code);
 *   - plain http to a non-loopback host, even one EGRESS_ALLOW opens;
 *   - a redirect from an allowed listener to a second one: not followed (the second sees nothing);
 *  allowed — EGRESS_ALLOW=127.0.0.1:<port> (the operator's exception): the listener gets the request.
 *
 * Then timeouts, the response-size limit, and the secrets that ride on these requests (tokens in
 * a bearer header, a path, a query; client secrets in a query or Basic header; SMTP passwords;
 * webhook signing secrets) planted as sentinels and searched, with their derived forms, in every
 * error message, fact, stored error and result.
 */

const registry = new ProviderRegistry([...CATALOG]);
const NOT_LOOPBACK = '192.0.2.1';

// Sentinels: what must never show up in an error, a stored error or a result.
const AT = 'AT-sentinel-7f3a9c2e41d8b6';
const RT = 'RT-sentinel-2b8e5d1c97a04f';
const CLIENT_SECRET = 'CS-sentinel-9d4c1a7e3b20f5';
const SMTP_PASSWORD = 'SMTP-pw-sentinel-4e7b2d9a1c';
const WEBHOOK_SECRET = 'whsec-sentinel-8a1f6c3e5d92';
const SENTINELS = [AT, RT, CLIENT_SECRET, SMTP_PASSWORD, WEBHOOK_SECRET];
const FORBIDDEN = [
  ...SENTINELS.flatMap((s) => derivedForms(s)),
  ...['custom', 'github', 'todoist'].map((k) =>
    Buffer.from(`client-${k}:${CLIENT_SECRET}`).toString('base64'),
  ),
];

/** Everything an error exposes: message, JSON (facts), name, code, the cause chain's messages. */
function exposed(value: unknown): string {
  const parts: string[] = [];
  let c: unknown = value;
  for (let i = 0; i < 5 && c; i++) {
    if (c instanceof Error) parts.push(c.name, c.message, String((c as { code?: unknown }).code ?? ''));
    try {
      parts.push(JSON.stringify(c));
    } catch {
      parts.push(String(c));
    }
    c = (c as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

function expectNoSecret(text: string): void {
  for (const form of FORBIDDEN)
    expect(text.includes(form), `a secret form (${form.slice(0, 6)}…) leaked`).toBe(false);
}

interface Outcome {
  code: string;
  exposed: string;
}

/** The policy's code (or the error's name), and everything the error exposes. */
async function outcomeOf(p: Promise<unknown>): Promise<Outcome> {
  try {
    const value = await p;
    return { code: 'ok', exposed: exposed(value) };
  } catch (e) {
    const code = isConsentryError(e)
      ? // ID-token checks name the JWKS fetch's failure in `reason` (jose passes our error through).
        e.code === 'ID_TOKEN_INVALID' &&
        typeof e.facts.reason === 'string' &&
        e.facts.reason.startsWith('EGRESS')
        ? e.facts.reason
        : e.code
      : ((e as { code?: string }).code ?? (e as Error).name);
    return { code, exposed: exposed(e) };
  }
}

interface Listener {
  port: number;
  connections: number;
  requests: { method: string; url: string; headers: Record<string, string | string[] | undefined> }[];
  /** `ok`: answers as the path expects; `redirect`: 307 to `redirectTo`; `slow`: never in time; `big`: 2 MiB. */
  mode: 'ok' | 'redirect' | 'slow' | 'big';
  redirectTo: string;
  close(): Promise<void>;
}

/** One answer that satisfies every HTTP path's success parser (each reads the members it needs). */
function answer(url: string, host: string): { status: number; body: string } {
  const origin = `http://${host}`;
  if (url.startsWith('/.well-known/openid-configuration'))
    return {
      status: 200,
      body: JSON.stringify({
        issuer: origin,
        authorization_endpoint: `${origin}/auth`,
        token_endpoint: `${origin}/token`,
        jwks_uri: `${origin}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      }),
    };
  if (url.startsWith('/par'))
    return { status: 201, body: '{"request_uri":"urn:ietf:params:oauth:request_uri:x","expires_in":60}' };
  return {
    status: 200,
    body: JSON.stringify({
      access_token: 'issued-access-token',
      token_type: 'Bearer',
      expires_in: 3600,
      ok: true,
      sub: 'alice',
      keys: [],
      id: '1',
      client_id: 'registered',
      client_secret: 'registered-secret',
    }),
  };
}

async function httpListener(): Promise<Listener> {
  const sockets = new Set<import('node:net').Socket>();
  const state: Listener = {
    port: 0,
    connections: 0,
    requests: [],
    mode: 'ok',
    redirectTo: '',
    close: async () => {},
  };
  const server: Server = createHttpServer((req, res) => {
    state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    if (state.mode === 'redirect') {
      res.writeHead(307, { location: state.redirectTo }).end();
    } else if (state.mode === 'slow') {
      setTimeout(() => res.writeHead(200).end('{}'), 5_000).unref();
    } else if (state.mode === 'big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 32);
      for (let i = 0; i < 32; i++) res.write(chunk);
      res.end('{}');
    } else {
      const out = answer(req.url ?? '', req.headers.host ?? '');
      res.writeHead(out.status, { 'content-type': 'application/json' }).end(out.body);
    }
  });
  server.on('connection', (s) => {
    state.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.port = (server.address() as AddressInfo).port;
  state.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return state;
}

function egressFor(allow: string, resolve?: Resolver): Egress {
  return new Egress({ rules: parseEgressAllow(allow), trustedOrigins: [] }, resolve ? { resolve } : {});
}

/** The protocol settings src/app.ts gives the OAuth2Client, over this egress. */
function settingsOf(egress: Egress) {
  return {
    allowInsecure: (url: URL) => allowsPlainHttp(egress.policy, url),
    timeoutMs: 3_000,
    fetch: egress.fetch,
  };
}

/** A static provider (no discovery) whose every endpoint is under `origin`. */
function staticProvider(origin: string, extra: Partial<OAuth2Provider> = {}): OAuth2Provider {
  const custom = registry.get('custom');
  return {
    ...custom,
    quirks: undefined,
    endpoints: {
      authorization: `${origin}/auth`,
      token: `${origin}/token`,
      revocation: `${origin}/revoke`,
      userinfo: `${origin}/userinfo`,
      jwks: `${origin}/jwks`,
      ...extra.endpoints,
    },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'endpoints')),
  } as OAuth2Provider;
}

async function sessionOf(
  egress: Egress,
  provider: OAuth2Provider,
  options: { quirks?: ProviderQuirks; clientKey?: string; templateValues?: Record<string, string> } = {},
) {
  return openProviderSession({
    provider,
    client: clientFor({ key: 'custom' }, options.templateValues ?? {}, {
      ...(options.clientKey ? { options: { clientAuth: 'private_key_jwt' } } : {}),
    }),
    quirks: options.quirks ?? {},
    clientSecret: CLIENT_SECRET,
    ...(options.clientKey ? { clientKey: options.clientKey } : {}),
    settings: settingsOf(egress),
  });
}

/** A catalog entry whose provider-API revocation URL (path kept) is under `origin`. */
function withRevocationAt(key: string, origin: string): OAuth2Provider {
  const entry = registry.get(key);
  const rev = entry.revocation!;
  return { ...entry, revocation: { ...rev, url: `${origin}${new URL(rev.url).pathname}` } };
}

/** A webhook outbox of one delivery; `settle` keeps what the dispatcher would store. */
function oneDelivery(url: string) {
  const settled: { status: string; error?: string | undefined; httpStatus?: number | undefined }[] = [];
  let claimed = false;
  const delivery: WebhookDelivery = {
    id: 'd1',
    eventId: 'e1',
    endpointId: 'w1',
    eventType: 'connection.refreshed',
    body: JSON.stringify({ id: 'e1', access_token_hint: 'none' }),
    status: 'pending',
    attempts: 1,
    nextAttemptAt: new Date(0),
    lastStatus: undefined,
    lastError: undefined,
    createdAt: new Date(0),
    deliveredAt: undefined,
  };
  const repository = {
    claim: async () => {
      if (claimed) return [];
      claimed = true;
      return [delivery];
    },
    secretOf: async () => WEBHOOK_SECRET,
    getEndpoint: async () => ({
      id: 'w1',
      url,
      description: undefined,
      eventTypes: ['*'],
      enabled: true,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    }),
    settle: async (_id: string, _owner: string, outcome: (typeof settled)[number]) => {
      settled.push(outcome);
      return true;
    },
  } as unknown as WebhookRepository;
  return { repository, settled };
}

interface HttpPath {
  name: string;
  /** Where the path's request goes under `origin` (the listener's path it must reach). */
  expectPath: string;
  send(egress: Egress, origin: string): Promise<unknown>;
}

const signedJwt = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.eyJzdWIiOiJhIn0.c2ln';

const HTTP_PATHS: HttpPath[] = [
  {
    name: 'OpenID discovery (oidc issuer; console sign-in)',
    expectPath: '/.well-known/openid-configuration',
    async send(egress, origin) {
      clearDiscoveryCache();
      return openProviderSession({
        provider: registry.get('oidc'),
        client: clientFor({ key: 'oidc' }, { issuer: origin }),
        quirks: {},
        clientSecret: CLIENT_SECRET,
        settings: settingsOf(egress),
      });
    },
  },
  {
    name: 'JWKS (ID-token signature)',
    expectPath: '/jwks',
    async send(egress, origin) {
      const session = await sessionOf(egress, staticProvider(origin));
      return verifyIdTokenSignature(session, signedJwt);
    },
  },
  {
    name: 'token endpoint: refresh (client_secret_basic)',
    expectPath: '/token',
    async send(egress, origin) {
      return refreshAccessToken(await sessionOf(egress, staticProvider(origin)), RT);
    },
  },
  {
    name: 'token endpoint: refresh with private_key_jwt and a DPoP proof',
    expectPath: '/token',
    async send(egress, origin) {
      const session = await sessionOf(egress, staticProvider(origin), { clientKey: await clientKey() });
      const dpop = await generateDpopKey(session.oauthClient, undefined);
      return refreshAccessToken(session, RT, { dpop });
    },
  },
  {
    name: 'token endpoint: client credentials (RFC 6749 §4.4)',
    expectPath: '/token',
    async send(egress, origin) {
      return clientCredentialsGrant(await sessionOf(egress, staticProvider(origin)));
    },
  },
  {
    name: 'token endpoint: JWT bearer (RFC 7523)',
    expectPath: '/token',
    async send(egress, origin) {
      return jwtBearerGrant(await sessionOf(egress, staticProvider(origin)), { assertion: signedJwt });
    },
  },
  {
    name: 'pushed authorization request (RFC 9126)',
    expectPath: '/par',
    async send(egress, origin) {
      const session = await sessionOf(
        egress,
        staticProvider(origin, { endpoints: { par: `${origin}/par` } } as never),
      );
      return buildAuthorizationUrl(session, {
        redirectUri: 'https://consentry.example.com/oauth/callback',
        scopes: ['read'],
        state: 'state-123',
        codeVerifier: 'v'.repeat(43),
      });
    },
  },
  {
    name: 'UserInfo (Bearer access token)',
    expectPath: '/userinfo',
    async send(egress, origin) {
      return fetchUserInfo(await sessionOf(egress, staticProvider(origin)), AT, 'alice');
    },
  },
  {
    name: 'revocation, RFC 7009 (revokeToken)',
    expectPath: '/revoke',
    async send(egress, origin) {
      return revokeToken(await sessionOf(egress, staticProvider(origin)), RT);
    },
  },
  ...(
    [
      ['dropbox', '/2/auth/token/revoke'],
      ['slack', '/api/auth.revoke'],
      ['hubspot', '/oauth/v1/refresh-tokens/'],
      ['todoist', '/api/v1/access_tokens'],
      ['strava', '/oauth/deauthorize'],
    ] as const
  ).map(
    ([key, path]): HttpPath => ({
      name: `revocation, provider API (${key}: ${registry.get(key).revocation!.tokenIn})`,
      expectPath: path,
      async send(egress, origin) {
        const provider = withRevocationAt(key, origin);
        const session = await openProviderSession({
          provider,
          client: clientFor({ key }, {}),
          quirks: registry.quirksOf(provider),
          clientSecret: CLIENT_SECRET,
          settings: settingsOf(egress),
        });
        return revokeToken(session, AT, { accessToken: AT, refreshToken: RT });
      },
    }),
  ),
  {
    name: 'revocation, GitHub quirk (DELETE /applications/{client_id}/grant, Basic auth)',
    expectPath: '/applications/client-github/grant',
    async send(egress, origin) {
      const entry = registry.get('github');
      const provider = { ...entry, endpoints: { ...entry.endpoints, revocation: `${origin}/applications` } };
      const session = await openProviderSession({
        provider,
        client: clientFor({ key: 'github' }, {}),
        quirks: registry.quirksOf(provider),
        clientSecret: CLIENT_SECRET,
        settings: settingsOf(egress),
      });
      return revokeToken(session, AT);
    },
  },
  {
    name: 'Mastodon app registration (POST /api/v1/apps)',
    expectPath: '/api/v1/apps',
    async send(egress, origin) {
      return mastodonQuirks.registerClient!({
        provider: registry.get('mastodon'),
        client: clientFor({ key: 'mastodon' }, { instance: origin }),
        redirectUri: 'https://consentry.example.com/oauth/callback',
        scopes: ['read'],
        fetch: egress.fetch,
      });
    },
  },
  {
    name: 'webhook delivery (WebhookDispatcher)',
    expectPath: '/hook',
    async send(egress, origin) {
      const { repository, settled } = oneDelivery(`${origin}/hook?token=${AT}`);
      const dispatcher = new WebhookDispatcher({
        webhooks: repository,
        fetch: (url, init) => egress.fetch(url, init as Parameters<Egress['fetch']>[1]),
        leaseMs: 6_000,
      });
      await dispatcher.runOnce();
      const outcome = settled[0]!;
      // The stored last_error is what the console shows: it names the policy's code.
      if (outcome.status !== 'delivered')
        throw Object.assign(new Error(outcome.error), {
          code: /^(EGRESS_\w+)/.exec(outcome.error ?? '')?.[1] ?? outcome.error,
        });
      return outcome;
    },
  },
];

let keyJson: Promise<string> | undefined;
function clientKey(): Promise<string> {
  keyJson ??= (async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    return JSON.stringify({ ...(await exportJWK(privateKey)), alg: 'RS256', kid: 'k1' });
  })();
  return keyJson;
}

describe('every HTTP path: refused destinations send nothing; the operator exception reaches the listener', () => {
  let target: Listener;
  let second: Listener;
  beforeAll(async () => {
    target = await httpListener();
    second = await httpListener();
  });
  afterAll(async () => {
    await target?.close();
    await second?.close();
  });

  for (const path of HTTP_PATHS) {
    it(path.name, { timeout: 60_000 }, async () => {
      target.mode = 'ok';
      const before = { target: target.connections, second: second.connections };
      // The resolver hook: what each name "resolves" to when the socket is opened.
      const answers: Record<string, { address: string; family: number }[]> = {
        'rebind.test': [{ address: '127.0.0.1', family: 4 }],
        'private.test': [{ address: '10.1.2.3', family: 4 }],
        'metadata.test': [{ address: '169.254.169.254', family: 4 }],
        'mixed.test': [
          { address: '93.184.216.34', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ],
      };
      const rebind: Resolver = async (host) => answers[host] ?? [];
      const strict = egressFor(NOT_LOOPBACK);
      const rebinding = egressFor(NOT_LOOPBACK, rebind);
      const refused: [string, Egress, string][] = [
        ['loopback not opened', strict, `https://127.0.0.1:${target.port}`],
        ['loopback not opened (plain http)', strict, `http://127.0.0.1:${target.port}`],
        ['a localhost-style name', strict, `https://localhost:${target.port}`],
        ['a decimal-encoded loopback address', strict, `https://2130706433:${target.port}`],
        ['an IPv4-mapped IPv6 loopback address', strict, `https://[::ffff:127.0.0.1]:${target.port}`],
        ['a name that resolves to loopback', rebinding, `https://rebind.test:${target.port}`],
        ['a name that resolves to a private address', rebinding, 'https://private.test'],
        ['a name that resolves to the metadata address', rebinding, 'https://metadata.test'],
        ['a name with a public and a loopback answer', rebinding, `https://mixed.test:${target.port}`],
        ['the cloud metadata address', strict, 'https://169.254.169.254'],
        ['a private address', strict, 'https://10.0.0.7:8443'],
        ['an IPv6 ULA (AWS metadata)', strict, 'https://[fd00:ec2::254]'],
        ['plain http to a non-loopback host EGRESS_ALLOW opens', strict, `http://${NOT_LOOPBACK}`],
      ];
      for (const [what, egress, origin] of refused) {
        const out = await outcomeOf(path.send(egress, origin));
        expect(out.code, `${what}: ${origin}`).toBe('EGRESS_REFUSED');
        expectNoSecret(out.exposed);
      }
      expect(target.connections - before.target, 'connections to the refused listener').toBe(0);
      await strict.close();
      await rebinding.close();

      // The operator's exception: the same request reaches the listener.
      const allowed = egressFor(`127.0.0.1:${target.port}`);
      const requestsBefore = target.requests.length;
      const ok = await outcomeOf(path.send(allowed, `http://127.0.0.1:${target.port}`));
      expect(ok.code).not.toMatch(/^EGRESS/);
      const reached = target.requests.slice(requestsBefore).map((r) => r.url);
      expect(
        reached.some((u) => u.startsWith(path.expectPath)),
        `${reached.join(', ')}`,
      ).toBe(true);
      expectNoSecret(ok.exposed.replace(/issued-access-token|registered-secret/g, ''));

      // A redirect is not followed, even to a destination the policy would allow.
      const both = egressFor(`127.0.0.1:${target.port},127.0.0.1:${second.port}`);
      target.mode = 'redirect';
      target.redirectTo = `http://127.0.0.1:${second.port}/stolen`;
      const redirected = await outcomeOf(path.send(both, `http://127.0.0.1:${target.port}`));
      expect(redirected.code).not.toBe('ok');
      expectNoSecret(redirected.exposed);
      expect(second.connections - before.second, 'connections to the redirect target').toBe(0);
      target.mode = 'ok';
      await allowed.close();
      await both.close();
    });
  }
});

describe('timeouts and the response-size limit', () => {
  let target: Listener;
  beforeAll(async () => {
    target = await httpListener();
  });
  afterAll(async () => {
    await target?.close();
  });

  it('a token endpoint that never answers in time: a transient failure, the refresh token not in it', {
    timeout: 60_000,
  }, async () => {
    target.mode = 'slow';
    const egress = egressFor(`127.0.0.1:${target.port}`);
    const session = await openProviderSession({
      provider: staticProvider(`http://127.0.0.1:${target.port}`),
      client: clientFor({ key: 'custom' }, {}),
      quirks: {},
      clientSecret: CLIENT_SECRET,
      settings: { ...settingsOf(egress), timeoutMs: 300 },
    });
    const out = await outcomeOf(refreshAccessToken(session, RT));
    expect(out.code).toBe('PROVIDER_UNAVAILABLE');
    expectNoSecret(out.exposed);
    await egress.close();
  });

  it('a webhook receiver that never answers: the delivery is retried later, last_error says timeout, no secret', {
    timeout: 60_000,
  }, async () => {
    target.mode = 'slow';
    const egress = egressFor(`127.0.0.1:${target.port}`);
    const { repository, settled } = oneDelivery(`http://127.0.0.1:${target.port}/hook?token=${AT}`);
    const dispatcher = new WebhookDispatcher({
      webhooks: repository,
      fetch: (url, init) => egress.fetch(url, init as Parameters<Egress['fetch']>[1]),
      leaseMs: 2_000, // the dispatcher's timeout is half the lease, at least 1 s
    });
    await dispatcher.runOnce();
    expect(settled).toHaveLength(1);
    expect(settled[0]!.status).toBe('pending');
    expect(settled[0]!.error).toMatch(/TimeoutError|AbortError/);
    expectNoSecret(JSON.stringify(settled));
    await egress.close();
  });

  it('UserInfo and revocation answers over 1 MiB are cut off (EGRESS_RESPONSE_TOO_LARGE), no token in the error', {
    timeout: 60_000,
  }, async () => {
    target.mode = 'big';
    const egress = egressFor(`127.0.0.1:${target.port}`);
    const origin = `http://127.0.0.1:${target.port}`;
    const userinfo = await outcomeOf(
      fetchUserInfo(await sessionOf(egress, staticProvider(origin)), AT, 'alice'),
    );
    expect(userinfo.code).toBe('EGRESS_RESPONSE_TOO_LARGE');
    expectNoSecret(userinfo.exposed);
    const provider = withRevocationAt('hubspot', origin);
    const session = await openProviderSession({
      provider,
      client: clientFor({ key: 'hubspot' }, {}),
      quirks: registry.quirksOf(provider),
      clientSecret: CLIENT_SECRET,
      settings: settingsOf(egress),
    });
    const revoked = await outcomeOf(revokeToken(session, AT, { accessToken: AT, refreshToken: RT }));
    expect(revoked.code).toBe('EGRESS_RESPONSE_TOO_LARGE');
    expectNoSecret(revoked.exposed);
    target.mode = 'ok';
    await egress.close();
  });
});

/** A TCP listener that counts connections (and greets like nothing in particular). */
async function tcpListener(): Promise<{ port: number; connections: number; close(): Promise<void> }> {
  const state = { port: 0, connections: 0, close: async () => {} };
  const server: TcpServer = createTcpServer((socket) => {
    state.connections++;
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.port = (server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((r) => server.close(() => r()));
  return state;
}

const application = {
  id: 'app-1',
  name: 'Billing',
  organizationName: 'Acme',
  ownerEmail: 'owner@example.org',
  audience: 'backend',
  scopes: ['read'],
  clientId: 'cid',
  tokenLifetimeSeconds: 600,
  active: true,
} as unknown as Application;

describe('SMTP paths: owner notifications and reconnect-outreach mail', () => {
  let probe: Awaited<ReturnType<typeof tcpListener>>;
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: { from: string; to: string[]; user: string }[] = [];
  beforeAll(async () => {
    probe = await tcpListener();
    smtp = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: true,
      logger: false,
      onAuth(auth, _s, cb) {
        cb(null, { user: auth.username ?? '' });
      },
      onData(stream, session, cb) {
        stream.resume();
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: String(session.user ?? ''),
          });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await probe?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  const refusedTargets = (port: number): [string, string, Resolver | undefined][] => [
    ['loopback not opened', `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${port}`, undefined],
    [
      'a name that resolves to loopback',
      `smtp://mailer:${SMTP_PASSWORD}@mail.rebind.test:${port}`,
      async () => [{ address: '127.0.0.1', family: 4 }],
    ],
    ['the metadata address', `smtps://mailer:${SMTP_PASSWORD}@169.254.169.254:465`, undefined],
    ['a private address', `smtp://mailer:${SMTP_PASSWORD}@10.0.0.7:587`, undefined],
  ];

  it('owner notification: refused targets send nothing and the reason names the policy, never the password', {
    timeout: 60_000,
  }, async () => {
    for (const [what, url, resolve] of refusedTargets(probe.port)) {
      const egress = egressFor(NOT_LOOPBACK, resolve);
      const notifier = createOwnerNotifier({
        smtpUrl: url,
        from: 'Consentry <no-reply@example.org>',
        publicBaseUrl: 'https://consentry.example.org',
        tokenEndpoint: 'https://consentry.example.org/oauth2/token',
        resolveMailServer: (h, p) => egress.resolveServer(h, p),
      });
      const result = await notifier.applicationCreated(application);
      expect(result, what).toMatchObject({ sent: false });
      expect((result as { reason: string }).reason, what).toContain('EGRESS_REFUSED');
      expectNoSecret(JSON.stringify(result));
      notifier.close();
      await egress.close();
    }
    // Without the policy's resolver (a library user's AuthServer), the strict egress applies.
    const bare = createOwnerNotifier({
      smtpUrl: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${probe.port}`,
      from: 'Consentry <no-reply@example.org>',
      publicBaseUrl: 'https://consentry.example.org',
      tokenEndpoint: 'https://consentry.example.org/oauth2/token',
    });
    expect((await bare.applicationCreated(application)) as { reason: string }).toMatchObject({
      sent: false,
      reason: expect.stringContaining('EGRESS_REFUSED'),
    });
    bare.close();
    expect(probe.connections).toBe(0);
  });

  it('owner notification: with the operator exception the mail reaches the SMTP listener', {
    timeout: 60_000,
  }, async () => {
    const egress = egressFor(`127.0.0.1:${smtpPort}`);
    const notifier = createOwnerNotifier({
      smtpUrl: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
      from: 'Consentry <no-reply@example.org>',
      publicBaseUrl: 'https://consentry.example.org',
      tokenEndpoint: 'https://consentry.example.org/oauth2/token',
      resolveMailServer: (h, p) => egress.resolveServer(h, p),
    });
    const before = received.length;
    expect(await notifier.applicationCreated(application)).toMatchObject({ sent: true });
    expect(received.slice(before)).toEqual([
      { from: 'no-reply@example.org', to: ['owner@example.org'], user: 'mailer' },
    ]);
    notifier.close();
    await egress.close();
  });

  it('reconnect outreach: the mailer src/app.ts builds is refused on internal targets, stores only the code, reaches the listener when allowed', {
    timeout: 60_000,
  }, async () => {
    const stored: (string | undefined)[] = [];
    const outreachWith = (mailer: ReturnType<typeof createSmtpMailer>) =>
      new ReconnectOutreach({
        repository: {
          create: async () => {},
          markSent: async (_id: string, _at: Date, error?: string) => {
            stored.push(error);
          },
        } as never,
        connections: {
          get: async (id: string) =>
            ({ id, status: 'needs_reauth', providerKey: 'demo', purpose: 'x', account: 'alice' }) as never,
        },
        client: { beginConsent: async () => '' },
        consumers: { has: () => false, get: () => undefined as never },
        providerName: () => 'Demo',
        publicBaseUrl: 'https://consentry.example.org',
        keys: [Buffer.alloc(32, 1)],
        text: outreachTextFor,
        mailer: async (m) => {
          await mailer.sendMail({ from: 'Consentry <no-reply@example.org>', ...m });
        },
        emit: () => {},
      });
    for (const [what, url, resolve] of refusedTargets(probe.port)) {
      const egress = egressFor(NOT_LOOPBACK, resolve);
      const mailer = createSmtpMailer(url, (h, p) => egress.resolveServer(h, p));
      const link = await outreachWith(mailer).send('conn-1', { email: 'end.user@example.org' });
      expect(link.sent, what).toBe(false);
      expect(link.error, what).toBe('mail not sent (EGRESS_REFUSED)');
      mailer.close();
      await egress.close();
    }
    expect(probe.connections).toBe(0);
    expect(stored.every((e) => e === 'mail not sent (EGRESS_REFUSED)')).toBe(true);
    expectNoSecret(JSON.stringify(stored));

    const egress = egressFor(`127.0.0.1:${smtpPort}`);
    const mailer = createSmtpMailer(`smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`, (h, p) =>
      egress.resolveServer(h, p),
    );
    const before = received.length;
    const link = await outreachWith(mailer).send('conn-1', { email: 'end.user@example.org' });
    expect(link.sent).toBe(true);
    expect(received.slice(before).map((r) => r.to)).toEqual([['end.user@example.org']]);
    mailer.close();
    await egress.close();
  });

  it('an SMTP server that accepts the connection but never greets: timed out, the password not in the reason', {
    timeout: 60_000,
  }, async () => {
    const silent = createTcpServer(() => {}); // holds the socket, says nothing
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    const egress = egressFor(`127.0.0.1:${port}`);
    const mailer = createSmtpMailer(
      `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${port}`,
      (h, p) => egress.resolveServer(h, p),
      {
        timeoutMs: 300,
      },
    );
    const out = await outcomeOf(mailer.sendMail({ from: 'a@example.org', to: 'b@example.org', text: 'x' }));
    expect(out.code).toBe('ETIMEDOUT');
    expectNoSecret(out.exposed);
    mailer.close();
    await egress.close();
    silent.close();
  });
});

describe('a running Consentry: a webhook to an internal address is refused, nothing sent, no secret in last_error or logs', () => {
  it('stores EGRESS_REFUSED as the delivery error; the receiver sees no connection', {
    timeout: 120_000,
  }, async () => {
    const { startConsentry } = await import('../support/consentry.ts');
    const { OPERATOR } = await import('../../src/console/actor.ts');
    const receiver = await httpListener();
    // As an operator configures production: loopback NOT opened (only a documentation address).
    const c = await startConsentry({ env: { EGRESS_ALLOW: NOT_LOOPBACK, BACKGROUND_REFRESH: 'false' } });
    try {
      const created = await c.app.integrations.webhooks.create(OPERATOR, {
        url: `https://127.0.0.1:${receiver.port}/hook?token=${AT}`,
      });
      await c.app.integrations.webhooks.record({
        type: 'refreshed',
        connectionId: 'conn-1',
        purpose: 'console',
        expiresAt: undefined,
      });
      await c.app.integrations.dispatcher.runOnce();
      let rows: { last_error: string | null; status: string }[] = [];
      for (let i = 0; i < 100; i++) {
        rows = await c.app.database.db
          .selectFrom('webhook_deliveries')
          .select(['last_error', 'status'])
          .execute();
        if (rows.every((r) => r.last_error)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe('pending');
      expect(rows[0]!.last_error).toMatch(/^EGRESS_REFUSED: /);
      expect(receiver.connections).toBe(0);
      const everything = JSON.stringify(rows) + c.logs.join('');
      expectNoSecret(everything);
      for (const form of derivedForms(created.secret)) expect(everything.includes(form)).toBe(false);
    } finally {
      await c.close();
      await receiver.close();
    }
  });
});

describe('a running Consentry: reconnect-outreach mail goes to the operator’s SMTP_URL through the egress module', () => {
  it('the mail reaches SMTP_URL (an operator exception of its own) with loopback otherwise closed; no password in logs', {
    timeout: 120_000,
  }, async () => {
    const { startConsentry } = await import('../support/consentry.ts');
    const { CookieJar, consentAtProvider } = await import('../support/browserless.ts');
    const mails: { to: string[]; user: string }[] = [];
    const smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _s, cb) {
        cb(auth.password === SMTP_PASSWORD ? null : new Error('bad'), { user: auth.username ?? '' });
      },
      onData(stream, session, cb) {
        stream.resume();
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), user: String(session.user ?? '') });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const port = (smtp.server.address() as AddressInfo).port;
    const c = await startConsentry({
      env: {
        EGRESS_ALLOW: NOT_LOOPBACK,
        SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${port}`,
        BACKGROUND_REFRESH: 'false',
      },
    });
    try {
      const session = 'egress-outreach-session-0123456789abcdef0123456789';
      const consentUrl = await c.app.client.beginConsent({
        provider: 'demo',
        preset: 'login',
        purpose: 'console',
        payload: {},
        returnUrl: '/',
        session,
      });
      const callback = await consentAtProvider(new CookieJar(), consentUrl, {
        stopPrefix: `${c.baseUrl}/oauth/callback`,
        login: 'pat',
      });
      await c.app.client.handleCallback(callback, session);
      const [connection] = await c.app.store.connections.list({ purpose: 'console' });
      const link = await c.app.outreach.send(connection!.id, { email: 'pat@example.org' });
      expect(link).toMatchObject({ sent: true });
      expect(mails).toEqual([{ to: ['pat@example.org'], user: 'mailer' }]);
      expectNoSecret(c.logs.join(''));
    } finally {
      await c.close();
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });
});

describe('the built-in demo provider (oidc-provider) sends nothing', () => {
  it('even with request_uri turned on, a request_uri on a listener is never fetched', {
    timeout: 60_000,
  }, async () => {
    const { createDemoOidcProvider } = await import('../../src/http/demo-provider.ts');
    const listener = await httpListener();
    const server = createHttpServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const provider = await createDemoOidcProvider({
      issuer: `http://127.0.0.1:${port}`,
      clients: [{ clientId: 'c1', clientSecret: CLIENT_SECRET, redirectUris: ['http://127.0.0.1/cb'] }],
      // A feature that fetches, turned on as a future change might: its request must not go out.
      features: { requestObjects: { requestUri: true, requireUriRegistration: false } } as never,
    });
    server.on('request', provider.callback());
    try {
      const url = new URL(`http://127.0.0.1:${port}/auth`);
      url.search = new URLSearchParams({
        client_id: 'c1',
        response_type: 'code',
        scope: 'openid',
        redirect_uri: 'http://127.0.0.1/cb',
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
        request_uri: `http://127.0.0.1:${listener.port}/request-object`,
      }).toString();
      // The test talks to the provider it started (a test may use loopback sockets directly).
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        request(url, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBeGreaterThanOrEqual(300);
      expect(listener.connections).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await listener.close();
    }
  });
});
