import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'segment',
  displayName: 'Segment',
  categories: ['analytics', 'marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://id.segmentapis.com/oauth2/auth',
    token: 'https://id.segmentapis.com/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://segment.com/docs/connections/oauth/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
