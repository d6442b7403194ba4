import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'precisefp',
  displayName: 'PreciseFP',
  categories: ['crm', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.precisefp.com/oauth/authorize',
    token: 'https://app.precisefp.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [{ name: '*', description: 'Everything the PreciseFP API offers the user’s account.' }],
  presets: { crm: ['*'] },
  docs: {
    registerUrl: 'https://docs.precisefp.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
