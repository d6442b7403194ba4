import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'webflow',
  displayName: 'Webflow',
  categories: ['dev-tools', 'design', 'cms'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://webflow.com/oauth/authorize',
    token: 'https://api.webflow.com/oauth/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.webflow.com/data/reference/oauth-app',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
