import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'myob',
  displayName: 'MYOB',
  categories: ['accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://secure.myob.com/oauth2/account/authorize',
    token: 'https://secure.myob.com/oauth2/v1/authorize',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    prompt: 'consent',
  },
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 20 minutes; each refresh returns a new refresh token.',
  },
  scopes: [
    { name: 'sme-company-file', description: 'Company files (new scope set for apps since 2025).' },
    { name: 'CompanyFile', description: 'Company files (older apps).' },
  ],
  docs: {
    registerUrl: 'https://developer.myob.com/api/myob-business-api/api-overview/authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
