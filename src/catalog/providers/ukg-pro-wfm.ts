import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'ukg-pro-wfm',
  displayName: 'UKG Pro (Workforce Management)',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://welcome-us.ukg.net/authorize',
    token: 'https://welcome-us.ukg.net/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    audience: 'https://wfm.ukg.net/api',
    realm: '{tenant_name}',
  },
  templates: [
    {
      name: 'tenant_name',
      label: 'Tenant',
      description: 'Your UKG Pro Workforce Management tenant name.',
      pattern: '[A-Za-z0-9_-]+',
      examples: ['acme'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.ukg.com/wfm/docs',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
