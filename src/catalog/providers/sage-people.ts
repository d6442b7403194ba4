import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'sage-people',
  displayName: 'Sage People',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.salesforce.com/services/oauth2/authorize',
    token: 'https://login.salesforce.com/services/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    prompt: 'consent',
  },
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'offline_access',
      description: 'A refresh token, to keep access while the user is away.',
    },
    {
      name: 'api',
      description: 'The Salesforce REST API under which Sage People runs.',
    },
  ],
  docs: {
    registerUrl: 'https://developer.sage.com/people/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
