import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'tsheetsteam',
  displayName: 'TSheets',
  categories: ['hr', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://rest.tsheets.com/api/v1/authorize',
    token: 'https://rest.tsheets.com/api/v1/grant',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://tsheetsteam.github.io/api_docs/#oauth2',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
