import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'thrivecart-oauth',
  displayName: 'ThriveCart (OAuth)',
  categories: ['e-commerce', 'payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://thrivecart.com/authorization/new',
    token: 'https://thrivecart.com/authorization/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.thrivecart.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
