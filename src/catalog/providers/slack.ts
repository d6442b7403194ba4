import { defineProvider } from '../provider.ts';

/**
 * Slack OAuth v2. Scopes named `user:<scope>` are user-token scopes (sent as `user_scope`); the
 * others are bot scopes. Quirks: see quirks/slack.ts.
 */
export default defineProvider({
  key: 'slack',
  displayName: 'Slack',
  categories: ['communication', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://slack.com/oauth/v2/authorize',
    token: 'https://slack.com/api/oauth.v2.access',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  scopeSeparator: ',',
  // auth.revoke takes the token to revoke as its own bearer (not RFC 7009); answers {ok, revoked}.
  revocation: { url: 'https://slack.com/api/auth.revoke', tokenIn: 'bearer', okStatus: [200] },
  refreshToken: {
    issued: 'unknown',
    rotates: true,
    notes: 'Only with token rotation turned on for the app: access tokens then last 12 hours.',
  },
  keepResponseFields: ['team_id', 'team_name', 'enterprise_id', 'authed_user_id', 'bot_user_id', 'app_id'],
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        error: 'invalid_refresh_token',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://api.slack.com/methods/oauth.v2.access',
      example: {
        status: 200,
        body: {
          ok: false,
          error: 'invalid_refresh_token',
        },
      },
    },
    {
      when: {
        error: 'token_revoked',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      docs: 'https://api.slack.com/methods/oauth.v2.access',
      example: {
        status: 200,
        body: {
          ok: false,
          error: 'token_revoked',
        },
      },
    },
    {
      when: {
        error: 'invalid_code',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'exchange',
      docs: 'https://api.slack.com/methods/oauth.v2.access',
      example: {
        status: 200,
        body: {
          ok: false,
          error: 'invalid_code',
        },
      },
    },
    {
      when: {
        error: 'code_already_used',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'exchange',
      docs: 'https://api.slack.com/methods/oauth.v2.access',
      example: {
        status: 200,
        body: {
          ok: false,
          error: 'code_already_used',
        },
      },
    },
    {
      when: {
        error: 'invalid_client_id',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://api.slack.com/methods/oauth.v2.access',
      example: {
        status: 200,
        body: {
          ok: false,
          error: 'invalid_client_id',
        },
      },
    },
    {
      when: {
        error: 'bad_client_secret',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://api.slack.com/methods/oauth.v2.access',
      example: {
        status: 200,
        body: {
          ok: false,
          error: 'bad_client_secret',
        },
      },
    },
    {
      when: {
        error: 'ratelimited',
      },
      outcome: 'transient',
      cause: 'rate_limited',
      docs: 'https://api.slack.com/apis/rate-limits',
      example: {
        status: 429,
        body: {
          ok: false,
          error: 'ratelimited',
        },
        headers: {
          'retry-after': '30',
        },
      },
    },
  ],
  // A reconnect must bring the same account (these connection extras must not change).
  accountFields: ['team_id', 'authed_user_id'],
  scopes: [
    { name: 'chat:write', description: 'Post messages as the app’s bot.' },
    { name: 'channels:read', description: 'List public channels.' },
    { name: 'channels:history', description: 'Read messages in public channels the bot is in.' },
    { name: 'users:read', description: 'List people in the workspace.' },
    { name: 'user:search:read', description: 'Search the workspace as the user (user token).' },
    { name: 'user:chat:write', description: 'Post messages as the user (user token).' },
  ],
  presets: {},
  docs: {
    registerUrl: 'https://api.slack.com/apps',
    steps: [
      'api.slack.com/apps → Create New App → OAuth & Permissions.',
      'Redirect URLs: add the Redirect URL shown here.',
      'Add the bot and user token scopes listed here; Basic Information: copy Client ID and Client Secret here.',
    ],
  },
  uncertain: ['PKCE is not sent; Slack documents it for some app types only.'],
  quirks: 'slack',
});
