import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestConsentry } from '../support/consentry.ts';
import type { StandIn } from '../support/stand-in.ts';
import { startStandInConsentry } from './support.ts';

/**
 * Slack installs asking for bot AND user scopes: Slack v2 answers the bot token at top level and
 * the user token under `authed_user`. The documented limit: the connection holds the bot token;
 * the user token is dropped — never kept in plaintext (extras, logs).
 */
const SESSION = 'browser-session-slack-tokens-012345';
let standIn: StandIn;
let app: TestConsentry;

beforeAll(async () => {
  ({ standIn, app } = await startStandInConsentry(
    ['slack'],
    [{ purpose: 'chat', onTokenGranted: () => '/chat/connected' }],
  ));
});
afterAll(async () => {
  await app?.close();
  await standIn?.close();
});

describe('Slack bot + user scopes', () => {
  it('keeps the bot token as the access token; the user token is not stored anywhere in plaintext', async () => {
    const client = await app.app.store.clients.create({
      providerKey: 'slack',
      name: 'Slack',
      clientId: '1234.5678',
      clientSecret: 'slack-secret',
    });
    const consent = new URL(
      await app.app.client.beginConsent({
        client: client.id,
        scopes: ['chat:write', 'user:search:read'],
        purpose: 'chat',
        returnUrl: '/chat',
        session: SESSION,
      }),
    );
    expect(consent.searchParams.get('scope')).toBe('chat:write');
    expect(consent.searchParams.get('user_scope')).toBe('search:read');
    standIn.answer({
      status: 200,
      body: {
        ok: true,
        access_token: 'xoxb-17653672481-19874698323-BOTTOKEN',
        token_type: 'bot',
        scope: 'chat:write',
        bot_user_id: 'U0KRQLJ9H',
        app_id: 'A0KRD7HC3',
        team: { name: 'Slack Softball Team', id: 'T9TK3CUKW' },
        enterprise: null,
        authed_user: {
          id: 'U1234',
          scope: 'search:read',
          access_token: 'xoxp-1234-USERTOKEN-SENTINEL',
          token_type: 'user',
        },
      },
    });
    const q = new URLSearchParams({ code: 'slack-code', state: consent.searchParams.get('state')! });
    expect(await app.app.client.handleCallback(`/oauth/callback?${q}`, SESSION)).toBe('/chat/connected');
    const [connection] = await app.app.store.connections.list({ clientRef: client.id });
    expect(connection?.accessToken).toBe('xoxb-17653672481-19874698323-BOTTOKEN');
    expect(connection?.tokenType).toBe('bot');
    expect(connection?.extras).toMatchObject({
      authed_user_id: 'U1234',
      bot_user_id: 'U0KRQLJ9H',
      team_id: 'T9TK3CUKW',
    });
    expect(JSON.stringify(connection)).not.toContain('USERTOKEN');
    expect(app.logs.join('\n')).not.toContain('USERTOKEN');
  });
});
