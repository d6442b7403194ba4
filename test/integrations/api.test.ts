import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/console/actor.ts';
import { type ScaleEnv, startScaleEnv } from '../scale/fixture.ts';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';

/**
 * The JSON API called from another language: Python's standard library (urllib) lists
 * connections, gets a fresh access token (a real refresh at a real OpenID provider) and starts a
 * connect session that an end user then completes. API-key scopes are refused where they do not
 * reach; a revoked key is refused; errors are RFC 9457 problem details; the OpenAPI document is
 * valid OpenAPI 3.1 and names every route the server registered under /api/v1.
 */
const run = promisify(execFile);
const PY = '/usr/bin/python3';
const CLIENT = join(import.meta.dirname, 'api_client.py');

interface PyResult {
  status: number;
  content_type: string | null;
  www_authenticate: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the peer
  body: any;
}

let env: ScaleEnv;
let base: string;
const keys: Record<string, string> = {};

async function py(key: string, method: string, path: string, body?: unknown): Promise<PyResult> {
  const args = [CLIENT, base, key, method, path, ...(body === undefined ? [] : [JSON.stringify(body)])];
  const { stdout } = await run(PY, args, { timeout: 60_000 });
  return JSON.parse(stdout) as PyResult;
}

beforeAll(async () => {
  env = await startScaleEnv('sqlite');
  base = env.spec.env.PUBLIC_BASE_URL!;
  await env.a.app.server.listen({ port: Number(new URL(base).port), host: '127.0.0.1' });
  await env.mint(3);
  const svc = env.a.app.integrations.apiKeys;
  const make = async (name: string, scopes: string[]) => (await svc.create(OPERATOR, { name, scopes })).key;
  keys.all = await make('all', [
    'connections:read',
    'access_tokens:read',
    'connect_sessions:create',
    'clients:manage',
  ]);
  keys.read = await make('read only', ['connections:read']);
  keys.tokens = await make('tokens only', ['access_tokens:read']);
  keys.revoked = await make('revoked', ['connections:read', 'access_tokens:read']);
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe('JSON API from Python (urllib)', () => {
  it('lists connections with their health', async () => {
    const r = await py(keys.read!, 'GET', '/api/v1/connections');
    expect(r.status).toBe(200);
    expect(r.content_type).toMatch(/^application\/json/);
    expect(r.body.connections).toHaveLength(3);
    const stored = await env.a.app.store.connections.list();
    for (const c of r.body.connections) {
      expect(c).toMatchObject({ provider: 'remote', status: 'active', health: 'healthy', cause: null });
      expect(c).not.toHaveProperty('access_token');
      for (const s of stored) expect(JSON.stringify(c)).not.toContain(s.accessToken);
    }
    const one = await py(keys.read!, 'GET', `/api/v1/connections/${r.body.connections[0].id}`);
    expect(one.body.id).toBe(r.body.connections[0].id);
  });

  it('gets a fresh access token: the expired one is refreshed once at the provider', async () => {
    const id = (await env.a.app.store.connections.list())[0]!.id;
    const before = (await env.a.app.store.connections.get(id))!.version;
    const r = await py(keys.tokens!, 'POST', `/api/v1/connections/${id}/access-token`);
    expect(r.status).toBe(200);
    expect(r.body.connection_id).toBe(id);
    expect(r.body.token_type).toMatch(/^bearer$/i);
    expect(r.body.access_token).not.toMatch(/^expired-/);
    expect(r.body.expires_in).toBeGreaterThan(60);
    // The same token again: still fresh, no second refresh.
    const again = await py(keys.tokens!, 'POST', `/api/v1/connections/${id}/access-token`);
    expect(again.body.access_token).toBe(r.body.access_token);
    expect((await env.a.app.store.connections.get(id))!.version).toBe(before + 1);
  });

  it('starts a connect session an end user completes; the connection carries purpose and payload', async () => {
    const r = await py(keys.all!, 'POST', '/api/v1/connect-sessions', {
      client: 'remote/Remote',
      purpose: 'api.crm_sync',
      payload: { user_id: 42 },
    });
    expect(r.status).toBe(201);
    expect(r.body.url).toMatch(new RegExp(`^${base}/connect/link/[A-Za-z0-9_-]{43}$`));
    const jar = new CookieJar();
    const callback = await consentAtProvider(jar, r.body.url, {
      stopPrefix: `${base}/oauth/callback`,
      login: 'end-user',
    });
    const done = await request(jar, callback);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/connect/done?oauth=connected');
    const listed = await py(keys.read!, 'GET', '/api/v1/connections?purpose=api.crm_sync');
    expect(listed.body.connections).toHaveLength(1);
    expect(listed.body.connections[0]).toMatchObject({ payload: { user_id: 42 }, account: 'end-user' });
    // The link is single use.
    const reused = await request(new CookieJar(), r.body.url);
    expect(reused.status).toBe(400);
  });

  it('refuses a purpose that is neither registered nor under api.', async () => {
    const r = await py(keys.all!, 'POST', '/api/v1/connect-sessions', {
      client: 'remote/Remote',
      purpose: 'crm',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('CONSUMER_UNKNOWN');
  });

  it('reads and updates registered clients, never returning the secret', async () => {
    const list = await py(keys.all!, 'GET', '/api/v1/clients');
    expect(list.body.clients).toHaveLength(1);
    const id = list.body.clients[0].id;
    const r = await py(keys.all!, 'PATCH', `/api/v1/clients/${id}`, { name: 'Remote CRM' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'Remote CRM', client_id: 'scale', has_client_secret: true });
    expect(JSON.stringify(r.body)).not.toContain('scale-secret');
    const back = await py(keys.all!, 'PATCH', `/api/v1/clients/${id}`, { name: 'Remote' });
    expect(back.body.name).toBe('Remote');
  });
});

describe('API keys: scopes, revocation, problem details', () => {
  it('refuses a key without the scope (403), for each scoped route', async () => {
    const id = (await env.a.app.store.connections.list())[0]!.id;
    const cases: [string, string, string, unknown?][] = [
      [keys.read!, 'POST', `/api/v1/connections/${id}/access-token`],
      [keys.read!, 'POST', '/api/v1/connect-sessions', { client: 'remote/Remote', purpose: 'api.x' }],
      [keys.read!, 'GET', '/api/v1/clients'],
      [keys.tokens!, 'GET', '/api/v1/connections'],
      [keys.tokens!, 'PATCH', `/api/v1/clients/x`, { name: 'n' }],
    ];
    for (const [key, method, path, body] of cases) {
      const r = await py(key, method, path, body);
      expect({ path, status: r.status, code: r.body.code }).toEqual({
        path,
        status: 403,
        code: 'API_KEY_SCOPE_MISSING',
      });
      expect(r.content_type).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ type: 'urn:consentry:error:API_KEY_SCOPE_MISSING', status: 403 });
    }
  });

  it('refuses a revoked key, a missing key and a made-up key (401 with WWW-Authenticate)', async () => {
    expect((await py(keys.revoked!, 'GET', '/api/v1/connections')).status).toBe(200);
    const all = await env.a.app.integrations.apiKeys.list(OPERATOR);
    await env.a.app.integrations.apiKeys.revoke(OPERATOR, all.find((k) => k.name === 'revoked')!.id);
    for (const key of [keys.revoked!, '-', `csk_${'A'.repeat(43)}`, 'not-a-key']) {
      const r = await py(key, 'GET', '/api/v1/connections');
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('API_KEY_INVALID');
      expect(r.www_authenticate).toMatch(/^Bearer/);
    }
  });

  it('answers bad input, unknown ids and unknown routes with problem details', async () => {
    const bad = await py(keys.all!, 'POST', '/api/v1/connect-sessions', {
      client: 'remote/Remote',
      purpose: 7,
    });
    expect(bad.status).toBe(400);
    expect(bad.content_type).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors?.[0]?.path).toContain('purpose');
    const unknown = await py(keys.tokens!, 'POST', '/api/v1/connections/nope/access-token');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CONNECTION_UNKNOWN']);
    const route = await py(keys.all!, 'GET', '/api/v1/nothing-here');
    expect([route.status, route.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(route.content_type).toMatch(/^application\/problem\+json/);
  });

  it('never logs an API key or an access token', async () => {
    const logs = env.a.logs.join('');
    for (const k of Object.values(keys)) expect(logs).not.toContain(k);
    for (const c of await env.a.app.store.connections.list()) expect(logs).not.toContain(c.accessToken);
  });
});

describe('OpenAPI 3.1 document', () => {
  it('is valid (@seriousme/openapi-schema-validator) and names every /api/v1 route', async () => {
    const res = await fetch(`${base}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const routes = env.a.app.server.routeTable.filter(
      (r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD',
    );
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const r of routes) {
      const path = r.url.replace(/:([A-Za-z_]+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined();
    }
    // The request schemas are the ones the routes validate with.
    const ref: string =
      doc.paths['/api/v1/connect-sessions'].post.requestBody.content['application/json'].schema.$ref;
    const body = doc.components.schemas[ref.split('/').pop()!];
    expect(body.required).toEqual(expect.arrayContaining(['client', 'purpose']));
    expect(body.properties.purpose.pattern).toBe('^[a-z][a-z0-9_.-]{0,63}$');
  });
});
