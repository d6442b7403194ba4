import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'getty-images',
  displayName: 'Getty Images',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://authentication.gettyimages.com/oauth2/auth',
    token: 'https://authentication.gettyimages.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown', notes: 'Access tokens last 30 minutes.' },
  docs: {
    registerUrl: 'https://developers.gettyimages.com/docs/authorization/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
