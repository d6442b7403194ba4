import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'hubspot',
  displayName: 'HubSpot',
  categories: ['crm', 'marketing', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.hubspot.com/oauth/authorize',
    token: 'https://api.hubapi.com/oauth/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  // Deletes the refresh token (and the app's access for the account); answers HTTP 204.
  revocation: {
    url: 'https://api.hubapi.com/oauth/v1/refresh-tokens',
    method: 'DELETE',
    token: 'refresh',
    tokenIn: 'path',
  },
  refreshToken: {
    issued: 'always',
    rotates: false,
    notes: 'Access tokens last 30 minutes; the refresh token does not expire until the app is uninstalled.',
  },
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        field: 'status',
        equals: 'BAD_REFRESH_TOKEN',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://developers.hubspot.com/docs/api/oauth/tokens',
      example: {
        status: 400,
        body: {
          status: 'BAD_REFRESH_TOKEN',
          message: 'missing or unknown refresh token',
          correlationId: '9b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b',
        },
      },
    },
    {
      when: {
        field: 'status',
        equals: 'BAD_CLIENT_ID',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://developers.hubspot.com/docs/api/oauth/tokens',
      example: {
        status: 400,
        body: {
          status: 'BAD_CLIENT_ID',
          message: 'missing or unknown client id',
          correlationId: '9b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5c',
        },
      },
    },
    {
      when: {
        field: 'status',
        equals: 'BAD_AUTH_CODE',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'exchange',
      docs: 'https://developers.hubspot.com/docs/api/oauth/tokens',
      example: {
        status: 400,
        body: {
          status: 'BAD_AUTH_CODE',
          message: 'missing or unknown auth code',
          correlationId: '9b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5d',
        },
      },
    },
  ],
  scopes: [
    { name: 'oauth', description: 'Required by every HubSpot app.' },
    { name: 'crm.objects.contacts.read', description: 'Read contacts.' },
    { name: 'crm.objects.contacts.write', description: 'Create and edit contacts.' },
  ],
  presets: {},
  docs: {
    registerUrl: 'https://app.hubspot.com/developer',
    notes: ['Revocation is DELETE /oauth/v1/refresh-tokens/{token} (not RFC 7009).'],
  },
});
