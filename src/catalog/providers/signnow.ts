import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'signnow',
  displayName: 'SignNow',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.signnow.com/authorize',
    token: 'https://api.signnow.com/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: { issued: 'always', rotates: 'unknown', notes: 'Access tokens last 30 days.' },
  docs: {
    registerUrl: 'https://docs.signnow.com/docs/signnow/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
