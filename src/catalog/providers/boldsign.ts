import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'boldsign',
  displayName: 'BoldSign',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://account.boldsign.com/connect/authorize',
    token: 'https://account.boldsign.com/connect/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'with_scope', rotates: 'unknown', notes: 'Needs offline_access.' },
  scopes: [
    { name: 'openid', description: 'Sign in (OpenID Connect).' },
    { name: 'profile', description: 'The user’s profile.' },
    { name: 'email', description: 'The user’s email address.' },
    { name: 'offline_access', description: 'A refresh token.' },
    { name: 'BoldSign.Documents.All', description: 'Send and manage documents.' },
  ],
  docs: {
    registerUrl: 'https://developers.boldsign.com/authentication/oauth-2.0/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
