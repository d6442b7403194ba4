import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'reapit',
  displayName: 'Reapit Connect',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://connect.reapit.cloud/authorize',
    token: 'https://connect.reapit.cloud/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://foundations-documentation.reapit.cloud/api/reapit-connect',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
