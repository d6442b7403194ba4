import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'atlassian-government-cloud',
  displayName: 'Atlassian Government Cloud',
  categories: ['productivity', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.atlassian-us-gov-mod.com/authorize',
    token: 'https://auth.atlassian-us-gov-mod.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    audience: 'api.atlassian-us-gov-mod.com',
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
  ],
  docs: {
    registerUrl: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
