import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'highlevel',
  displayName: 'HighLevel',
  categories: ['marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://marketplace.gohighlevel.com/oauth/chooselocation',
    token: 'https://services.leadconnectorhq.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://highlevel.stoplight.io/docs/integrations/a04191c0fabf9-authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
