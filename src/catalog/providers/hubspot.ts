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
