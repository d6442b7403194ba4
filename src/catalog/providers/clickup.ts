import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'clickup',
  displayName: 'ClickUp',
  categories: ['productivity', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.clickup.com/api',
    token: 'https://api.clickup.com/api/v2/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  docs: {
    registerUrl: 'https://developer.clickup.com/docs/authentication',
    notes: ['ClickUp has no scopes: the user picks the workspaces on the consent screen.'],
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
