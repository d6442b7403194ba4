import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'copper',
  displayName: 'Copper (OAuth)',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.copper.com/oauth/authorize',
    token: 'https://app.copper.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  scopes: [
    {
      name: 'developer/v1/all',
      description: 'The Copper developer API, everything the user can access.',
    },
  ],
  presets: { crm: ['developer/v1/all'] },
  docs: {
    registerUrl: 'https://developer.copper.com/introduction/authentication.html',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
