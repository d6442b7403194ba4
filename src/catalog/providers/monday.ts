import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'monday',
  displayName: 'Monday',
  categories: ['productivity', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.monday.com/oauth2/authorize',
    token: 'https://auth.monday.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: {
    force_install_if_needed: 'true',
  },
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes: 'Access tokens do not expire until the app is uninstalled.',
  },
  scopes: [
    { name: 'me:read', description: 'The user’s profile.' },
    { name: 'boards:read', description: 'Read boards and items.' },
    { name: 'boards:write', description: 'Change boards and items.' },
    { name: 'users:read', description: 'Read the account’s users.' },
  ],
  presets: { login: ['me:read'] },
  docs: {
    registerUrl: 'https://developer.monday.com/apps/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
