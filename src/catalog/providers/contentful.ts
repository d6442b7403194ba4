import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'contentful',
  displayName: 'Contentful',
  categories: ['dev-tools', 'design', 'cms'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://be.contentful.com/oauth/authorize',
    token: 'https://be.contentful.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://www.contentful.com/developers/docs/extensibility/oauth/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
