import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'figma',
  displayName: 'Figma',
  categories: ['design', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.figma.com/oauth',
    token: 'https://api.figma.com/v1/oauth/token',
    refresh: 'https://api.figma.com/v1/oauth/refresh',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://www.figma.com/developers/api#oauth2',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
