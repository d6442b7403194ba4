import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConsentryError } from '../../src/domain/errors.ts';
import type { TestConsentry } from '../support/consentry.ts';
import type { Answer, StandIn } from '../support/stand-in.ts';
import { startStandInConsentry } from './support.ts';

/**
 * Revocation that is not RFC 7009 (entry field `revocation`): each provider's documented call,
 * through the whole client — connect with a full handleCallback, then `client.revoke(id)` — against
 * a loopback stand-in that records the exact request.
 */
const KEYS = ['dropbox', 'hubspot', 'strava', 'todoist', 'slack'] as const;
const SESSION = 'browser-session-revocation-0123456789';
let standIn: StandIn;
let app: TestConsentry;
const clientRefs = new Map<string, string>();

beforeAll(async () => {
  ({ standIn, app } = await startStandInConsentry(KEYS, [
    { purpose: 'sync', onTokenGranted: () => '/connected' },
  ]));
  for (const key of KEYS) {
    const client = await app.app.store.clients.create({
      providerKey: key,
      name: key,
      clientId: `${key}-client`,
      clientSecret: `${key}-secret-SENTINEL`,
    });
    clientRefs.set(key, client.id);
  }
});
afterAll(async () => {
  await app?.close();
  await standIn?.close();
});

/** Consent + callback with the provider's documented token answer; returns the connection id. */
async function connect(key: string, tokenAnswer: Record<string, unknown>, scopes: string[]): Promise<string> {
  const consent = new URL(
    await app.app.client.beginConsent({
      client: clientRefs.get(key)!,
      scopes,
      purpose: 'sync',
      returnUrl: '/settings',
      session: SESSION,
    }),
  );
  standIn.answer({ status: 200, body: tokenAnswer });
  const state = consent.searchParams.get('state')!;
  expect(await app.app.client.handleCallback(`/oauth/callback?code=c-${key}&state=${state}`, SESSION)).toBe(
    '/connected',
  );
  const [connection] = await app.app.store.connections.list({ clientRef: clientRefs.get(key)! });
  return connection!.id;
}

async function revoke(id: string, answer: Answer) {
  standIn.answer(answer);
  const mark = standIn.requests.length;
  const result = await app.app.client.revoke(id);
  return { result, requests: standIn.requests.slice(mark) };
}

describe('revocation through the provider’s own API', () => {
  it('Dropbox: POST /2/auth/token/revoke with the access token as bearer and no body', async () => {
    const id = await connect(
      'dropbox',
      {
        access_token: 'sl.dropbox-at-1',
        expires_in: 14400,
        token_type: 'bearer',
        refresh_token: 'dropbox-rt-1',
        scope: 'account_info.read files.metadata.read',
        uid: '12345',
        account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
      },
      ['account_info.read', 'files.metadata.read'],
    );
    const { result, requests } = await revoke(id, {
      status: 200,
      body: 'null',
      headers: { 'content-type': 'application/json' },
    });
    expect(result).toEqual({ atProvider: true });
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/api.dropboxapi.com/2/auth/token/revoke');
    expect(req?.query).toBe('');
    expect(req?.headers.authorization).toBe('Bearer sl.dropbox-at-1');
    expect(req?.body).toBe('');
    expect(req?.headers['content-type']).toBeUndefined();
    expect((await app.app.store.connections.get(id))?.status).toBe('revoked');
  });

  it('Dropbox: an expired access token is refreshed first, then the fresh one is revoked', async () => {
    const id = await connect(
      'dropbox',
      { access_token: 'sl.old', expires_in: 1, token_type: 'bearer', refresh_token: 'dropbox-rt-2' },
      ['account_info.read'],
    );
    await new Promise((r) => setTimeout(r, 1100));
    standIn.answer(
      { status: 200, body: { access_token: 'sl.fresh', expires_in: 14400, token_type: 'bearer' } },
      { status: 200, body: 'null', headers: { 'content-type': 'application/json' } },
    );
    const mark = standIn.requests.length;
    expect(await app.app.client.revoke(id)).toEqual({ atProvider: true });
    const [refresh, req] = standIn.requests.slice(mark);
    expect(refresh?.path).toBe('/api.dropboxapi.com/oauth2/token');
    expect(new URLSearchParams(refresh!.body).get('refresh_token')).toBe('dropbox-rt-2');
    expect(req?.path).toBe('/api.dropboxapi.com/2/auth/token/revoke');
    expect(req?.headers.authorization).toBe('Bearer sl.fresh');
  });

  it('HubSpot: DELETE /oauth/v1/refresh-tokens/{refresh token}, 204', async () => {
    const id = await connect(
      'hubspot',
      {
        token_type: 'bearer',
        refresh_token: '6f18f21e-a743-4509-b7fd-1a5e632fffa1',
        access_token:
          'CN2zlYnmLBICAQIYgZXFLyCWp1Yoy_9GMhkAgddk-zDc-H_mOKOuarbCdcHKMJn0ODrJOgAAAQAAAAAAAAAAAAAAAA',
        expires_in: 1800,
      },
      ['oauth', 'crm.objects.contacts.read'],
    );
    const { result, requests } = await revoke(id, { status: 204 });
    expect(result).toEqual({ atProvider: true });
    const [req] = requests;
    expect(req?.method).toBe('DELETE');
    expect(req?.path).toBe('/api.hubapi.com/oauth/v1/refresh-tokens/6f18f21e-a743-4509-b7fd-1a5e632fffa1');
    expect(req?.query).toBe('');
    expect(req?.body).toBe('');
    expect(req?.headers.authorization).toBeUndefined();
  });

  it('Strava: POST /oauth/deauthorize with access_token', async () => {
    const id = await connect(
      'strava',
      {
        token_type: 'Bearer',
        expires_at: Math.floor(Date.now() / 1000) + 21600,
        expires_in: 21600,
        refresh_token: 'e5n567567-strava-rt',
        access_token: 'a4b945687g-strava-at',
        athlete: { id: 134815, username: 'marianne_t' },
      },
      ['read', 'activity:read'],
    );
    const { result, requests } = await revoke(id, {
      status: 200,
      body: { access_token: 'a4b945687g-strava-at' },
    });
    expect(result).toEqual({ atProvider: true });
    const [req] = requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/www.strava.com/oauth/deauthorize');
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(req!.body))).toEqual({
      access_token: 'a4b945687g-strava-at',
    });
    expect(req?.headers.authorization).toBeUndefined();
  });

  it('Todoist: DELETE /api/v1/access_tokens?client_id&client_secret&access_token', async () => {
    const id = await connect(
      'todoist',
      { access_token: '0123456789abcdef0123456789abcdef01234567', token_type: 'Bearer' },
      ['data:read'],
    );
    const { result, requests } = await revoke(id, {
      status: 200,
      body: 'null',
      headers: { 'content-type': 'application/json' },
    });
    expect(result).toEqual({ atProvider: true });
    const [req] = requests;
    expect(req?.method).toBe('DELETE');
    expect(req?.path).toBe('/api.todoist.com/api/v1/access_tokens');
    expect([...new URLSearchParams(req!.query)]).toEqual([
      ['client_id', 'todoist-client'],
      ['client_secret', 'todoist-secret-SENTINEL'],
      ['access_token', '0123456789abcdef0123456789abcdef01234567'],
    ]);
    expect(req?.body).toBe('');
    expect(req?.headers.authorization).toBeUndefined();
  });

  it('Slack: auth.revoke with the bot token as bearer; ok:false is a refusal, the connection is revoked here anyway', async () => {
    const answer = (n: number) => ({
      ok: true,
      access_token: `xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy-${n}`,
      token_type: 'bot',
      scope: 'chat:write,channels:read',
      bot_user_id: 'U0KRQLJ9H',
      app_id: 'A0KRD7HC3',
      team: { name: 'Slack Softball Team', id: 'T9TK3CUKW' },
      enterprise: null,
      authed_user: { id: 'U1234' },
    });
    const id = await connect('slack', answer(1), ['chat:write', 'channels:read']);
    const { result, requests } = await revoke(id, { status: 200, body: { ok: true, revoked: true } });
    expect(result).toEqual({ atProvider: true });
    const [req] = requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/slack.com/api/auth.revoke');
    expect(req?.headers.authorization).toBe('Bearer xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy-1');
    expect(req?.body).toBe('');

    const id2 = await connect('slack', answer(2), ['chat:write']);
    standIn.answer({ status: 200, body: { ok: false, error: 'invalid_auth' } });
    const error = await app.app.client.revoke(id2).catch((e: unknown) => e);
    expect(isConsentryError(error, 'TOKEN_REQUEST_REJECTED')).toBe(true);
    expect((error as { facts: object }).facts).toMatchObject({
      provider: 'slack',
      stage: 'revoke',
      status: 400,
    });
    expect((error as Error).message).not.toContain('xoxb');
    expect((await app.app.store.connections.get(id2))?.status).toBe('revoked');
    expect(app.logs.join('\n')).not.toContain('SENTINEL');
  });
});
