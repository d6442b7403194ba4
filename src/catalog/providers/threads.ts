import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'threads',
  displayName: 'Threads',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://threads.net/oauth/authorize',
    token: 'https://graph.threads.net/oauth/access_token',
    refresh: 'https://graph.threads.net/refresh_access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes: 'Short-lived tokens are exchanged for long-lived ones (60 days) outside this grant.',
  },
  scopes: [
    { name: 'threads_basic', description: 'Read the user’s Threads profile and posts.' },
    { name: 'threads_content_publish', description: 'Publish posts.' },
    { name: 'threads_manage_replies', description: 'Manage replies.' },
  ],
  presets: { login: ['threads_basic'] },
  docs: {
    registerUrl: 'https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
