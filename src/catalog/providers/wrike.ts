import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'wrike',
  displayName: 'Wrike',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.wrike.com/oauth2/authorize/v4',
    token: 'https://login.wrike.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: { issued: 'always', rotates: 'unknown', notes: 'Access tokens last one hour.' },
  scopes: [
    { name: 'Default', description: 'Read and write the user’s data (default scope).' },
    { name: 'wsReadOnly', description: 'Read workspace data.' },
    { name: 'wsReadWrite', description: 'Read and write workspace data.' },
  ],
  docs: {
    registerUrl: 'https://developers.wrike.com/oauth-20-authorization/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
