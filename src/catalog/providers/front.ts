import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'front',
  displayName: 'Front',
  categories: ['support', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.frontapp.com/oauth/authorize',
    token: 'https://app.frontapp.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    notes: 'Access tokens last one hour; refresh tokens 6 months.',
  },
  docs: {
    registerUrl: 'https://dev.frontapp.com/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
