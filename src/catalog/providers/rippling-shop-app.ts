import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'rippling-shop-app',
  displayName: 'Rippling Shop App',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.rippling.com/apps/PLATFORM/{app_name}/authorize',
    token: 'https://api.rippling.com/api/o/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    {
      name: 'app_name',
      label: 'App name',
      description: 'Your app’s name in Rippling’s app shop (from its install URL).',
      pattern: '[A-Za-z0-9_-]+',
      examples: ['acme'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://developer.rippling.com/documentation/developer-portal/guides/installation-and-authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
