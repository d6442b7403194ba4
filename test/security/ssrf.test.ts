import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { mastodonQuirks } from '../../src/catalog/quirks/mastodon.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { Egress } from '../../src/egress/egress.ts';
import { parseEgressAllow } from '../../src/egress/policy.ts';
import { fetchUserInfo } from '../../src/protocol/grant.ts';
import { verifyIdTokenSignature } from '../../src/protocol/id-token.ts';
import { clearDiscoveryCache, openProviderSession } from '../../src/protocol/provider-session.ts';
import { clientFor } from '../catalog/support.ts';
import { createUser, csrfFrom, page, signIn } from '../console/support/console-client.ts';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * Issue 10, findings 2, 3 and 8 — SSRF. Every listener is on loopback; the Consentry under test
 * is configured as an operator would be in production: loopback is NOT opened (EGRESS_ALLOW names
 * only a documentation address), so loopback stands for "an internal address".
 */
const NOT_LOOPBACK = '192.0.2.1';
const registry = new ProviderRegistry([...CATALOG]);

interface Listener {
  port: number;
  hits: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

async function httpListener(
  handler: (url: string, port: number) => { status: number; body: string } = () => ({
    status: 200,
    body: '{}',
  }),
): Promise<Listener> {
  const hits: Listener['hits'] = [];
  let port = 0;
  const server: Server = createHttpServer((req, res) => {
    hits.push({ url: req.url ?? '', headers: req.headers });
    const out = handler(req.url ?? '', port);
    res.writeHead(out.status, { 'content-type': 'application/json' }).end(out.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function tcpListener(
  greeting: string,
): Promise<{ port: number; connections: number; close(): Promise<void> }> {
  const state = { port: 0, connections: 0 };
  const server: TcpServer = createTcpServer((socket) => {
    state.connections++;
    socket.end(greeting);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.port = (server.address() as AddressInfo).port;
  return Object.assign(state, { close: () => new Promise<void>((r) => server.close(() => r())) });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return isConsentryError(e) ? e.code : `${(e as Error).name}`;
  }
}

describe('finding 2: mail servers are an administrator choice, and internal ports are not probed', () => {
  let c: TestConsentry;
  let redis: Awaited<ReturnType<typeof tcpListener>>;
  beforeAll(async () => {
    redis = await tcpListener('-ERR unknown command\r\n');
    c = await startConsentry({ env: { EGRESS_ALLOW: NOT_LOOPBACK } });
  });
  afterAll(async () => {
    await c?.close();
    await redis?.close();
  });

  it('a connect_accounts user cannot choose servers: POST /mail with 127.0.0.1:6379 is refused, nothing stored', async () => {
    await createUser(c, 'mallory@example.org', ['connect_accounts']);
    const jar = await signIn(c, 'mallory@example.org');
    const list = await page(jar, `${c.baseUrl}/mail`);
    expect(list.html).not.toContain('name="imap_host"');
    const demo = (await c.app.store.clients.list({ providerKey: 'demo' }))[0]!;
    const res = await request(jar, `${c.baseUrl}/mail`, {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: csrfFrom(list.html),
        client: demo.id,
        address: 'mallory@demo.consentry.test',
        imap_host: '127.0.0.1',
        imap_port: String(redis.port),
        imap_security: 'none',
        smtp_host: '127.0.0.1',
        smtp_port: String(redis.port),
        smtp_security: 'none',
      }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mail');
    expect(await c.app.database.db.selectFrom('mailboxes').selectAll().execute()).toEqual([]);
    expect(redis.connections).toBe(0);
  });

  it('an internal address is refused before connecting: open, closed and other-protocol ports look the same', async () => {
    const demo = (await c.app.store.clients.list({ providerKey: 'demo' }))[0]!;
    const closedPort = await (async () => {
      const l = await tcpListener('');
      await l.close();
      return l.port;
    })();
    const messages: string[] = [];
    for (const port of [redis.port, closedPort]) {
      // Even an administrator's (here: the operator's, no actor) choice goes through the policy.
      const m = await c.app.features.mail.createAccount({
        clientRef: demo.id,
        address: `probe${port}@demo.consentry.test`,
        imap: { host: '127.0.0.1', port, security: 'none' },
        smtp: { host: '127.0.0.1', port, security: 'none' },
      });
      const session = randomBytes(32).toString('base64url');
      const url = await c.app.features.mail.beginConnect(m.id, { session, returnUrl: '/mail' });
      const jar = new CookieJar();
      jar.set(c.baseUrl, 'consentry_sid', session);
      const cb = await consentAtProvider(jar, url, {
        login: `probe${port}`,
        stopPrefix: `${c.baseUrl}/oauth/callback`,
      });
      expect((await request(jar, cb)).status).toBe(303);
      expect(await codeOf(c.app.features.mail.listNewest(m.id))).toBe('EGRESS_REFUSED');
      expect(
        await codeOf(c.app.features.mail.send(m.id, { to: 'x@example.org', subject: 's', text: 't' })),
      ).toBe('EGRESS_REFUSED');
      const health = await c.app.features.mail.health(m.id);
      messages.push(health.message.replace(String(port), 'PORT'));
    }
    expect(redis.connections).toBe(0);
    expect(messages[0]).toContain('EGRESS_ALLOW');
    expect(messages[0]).toBe(messages[1]);
    expect(messages.join()).not.toMatch(/greeting|ECONNREFUSED/);
  });
});

describe('finding 3: jwks_uri and UserInfo are checked on their own', () => {
  let other: Listener;
  let issuer: Listener;
  beforeAll(async () => {
    other = await httpListener(() => ({ status: 200, body: '{"keys":[]}' }));
    // A discovery document on an allowed loopback port that points jwks_uri and UserInfo at plain
    // http on another host:port.
    issuer = await httpListener((url, port) =>
      url.startsWith('/.well-known/openid-configuration')
        ? {
            status: 200,
            body: JSON.stringify({
              issuer: `http://127.0.0.1:${port}`,
              authorization_endpoint: `http://127.0.0.1:${port}/auth`,
              token_endpoint: `http://127.0.0.1:${port}/token`,
              jwks_uri: `http://localhost:${other.port}/jwks`,
              userinfo_endpoint: `http://localhost:${other.port}/me`,
              response_types_supported: ['code'],
              subject_types_supported: ['public'],
              id_token_signing_alg_values_supported: ['RS256'],
            }),
          }
        : { status: 404, body: '{}' },
    );
  });
  afterAll(async () => {
    await other?.close();
    await issuer?.close();
  });

  it('no Bearer token is sent to a plain-http UserInfo elsewhere, and no JWKS is fetched there', async () => {
    clearDiscoveryCache();
    // The operator opened exactly the issuer's host:port.
    const egress = new Egress({ rules: parseEgressAllow(`127.0.0.1:${issuer.port}`), trustedOrigins: [] });
    const provider = registry.get('oidc');
    const session = await openProviderSession({
      provider,
      client: clientFor({ key: 'oidc' }, { issuer: `http://127.0.0.1:${issuer.port}` }),
      quirks: {},
      clientSecret: 's',
      settings: { allowInsecure: () => true, timeoutMs: 2_000, fetch: egress.fetch },
    });
    expect(await codeOf(fetchUserInfo(session, 'AT-SENTINEL-123456', 'alice'))).toBe('EGRESS_REFUSED');
    const jwt = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.eyJzdWIiOiJhIn0.c2ln';
    expect(await codeOf(verifyIdTokenSignature(session, jwt))).toBe('ID_TOKEN_INVALID');
    expect(other.hits).toEqual([]);
    expect(issuer.hits.length).toBe(1);
    await egress.close();
  });
});

describe('finding 8: oidc issuers, custom endpoints and Mastodon instances on internal addresses', () => {
  let c: TestConsentry;
  let target: Listener;
  beforeAll(async () => {
    target = await httpListener();
    c = await startConsentry({ env: { EGRESS_ALLOW: NOT_LOOPBACK, BACKGROUND_REFRESH: 'false' } });
  });
  afterAll(async () => {
    await c?.close();
    await target?.close();
  });

  it('an administrator’s oidc issuer on loopback, a private or a metadata address is refused without a request', async () => {
    clearDiscoveryCache();
    for (const iss of [`http://127.0.0.1:${target.port}`, 'https://10.0.0.7', 'https://169.254.169.254']) {
      const client = await c.app.store.clients.create({
        providerKey: 'oidc',
        name: `probe ${iss}`,
        clientId: 'x',
        clientSecret: 'y',
        templateValues: { issuer: iss },
      });
      const started = c.app.client.beginConsent({
        client: client.id,
        preset: 'login',
        purpose: 'console',
        payload: {},
        returnUrl: '/',
        session: randomBytes(32).toString('base64url'),
      });
      // Plain http to a loopback not opened is refused by the scheme rule before discovery starts.
      const expected = iss.startsWith('http:') ? ['DISCOVERY_FAILED', 'EGRESS_REFUSED'] : ['EGRESS_REFUSED'];
      expect(expected).toContain(await codeOf(started));
    }
    expect(target.hits).toEqual([]);
  });

  it('custom endpoints on loopback are refused at the token endpoint; Mastodon registration too', async () => {
    const custom = registry.get('custom');
    const egress = new Egress({ rules: parseEgressAllow(NOT_LOOPBACK), trustedOrigins: [] });
    const session = await openProviderSession({
      provider: custom,
      client: clientFor(
        { key: 'custom' },
        {
          authorization_url: `https://127.0.0.1:${target.port}/authorize`,
          token_url: `https://127.0.0.1:${target.port}/token`,
        },
      ),
      quirks: (await import('../../src/catalog/quirks/custom.ts')).customQuirks,
      clientSecret: 's',
      settings: { allowInsecure: () => false, timeoutMs: 2_000, fetch: egress.fetch },
    });
    const { refreshAccessToken } = await import('../../src/protocol/grant.ts');
    expect(await codeOf(refreshAccessToken(session, 'RT'))).toBe('EGRESS_REFUSED');
    const mastodon = registry.get('mastodon');
    const registered = mastodonQuirks.registerClient!({
      provider: mastodon,
      client: clientFor({ key: 'mastodon' }, { instance: `https://127.0.0.1:${target.port}` }),
      redirectUri: 'https://consentry.example.com/oauth/callback',
      scopes: ['read'],
      fetch: egress.fetch,
    });
    expect(await codeOf(registered)).toBe('EGRESS_REFUSED');
    expect(target.hits).toEqual([]);
    await egress.close();
  });
});
