import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'digitalocean',
  displayName: 'DigitalOcean',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://cloud.digitalocean.com/v1/oauth/authorize',
    token: 'https://cloud.digitalocean.com/v1/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.digitalocean.com/reference/api/oauth/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
