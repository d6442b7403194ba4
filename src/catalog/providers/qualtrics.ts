import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'qualtrics',
  displayName: 'Qualtrics',
  categories: ['surveys'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.qualtrics.com/oauth2/auth',
    token: 'https://{subdomain}.qualtrics.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    {
      name: 'subdomain',
      label: 'Datacenter id',
      description: 'Your Qualtrics datacenter id (Account settings → Qualtrics IDs), such as iad1 or fra1.',
      pattern: '[a-z0-9]+',
      examples: ['iad1'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://api.qualtrics.com/9398592961ced-o-auth-authentication-client-credentials',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
