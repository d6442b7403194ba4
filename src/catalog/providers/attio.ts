import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'attio',
  displayName: 'Attio',
  categories: ['crm', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.attio.com/authorize',
    token: 'https://app.attio.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes: 'Access tokens do not expire; the workspace admin revokes them by uninstalling the app.',
  },
  docs: {
    registerUrl: 'https://docs.attio.com/rest-api/tutorials/connect-an-app-through-oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
