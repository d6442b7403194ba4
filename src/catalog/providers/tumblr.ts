import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'tumblr',
  displayName: 'Tumblr',
  categories: ['social', 'communication'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.tumblr.com/oauth2/authorize',
    token: 'https://api.tumblr.com/v2/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 42 minutes; each refresh returns a new refresh token.',
  },
  scopes: [
    { name: 'basic', description: 'Read the user’s dashboard and blogs.' },
    { name: 'write', description: 'Post.' },
    { name: 'offline_access', description: 'A refresh token.' },
  ],
  presets: { login: ['basic'] },
  docs: {
    registerUrl: 'https://www.tumblr.com/docs/en/api/v2#oauth2-authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
