import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'pandadoc',
  displayName: 'Pandadoc',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.pandadoc.com/oauth2/authorize',
    token: 'https://api.pandadoc.com/oauth2/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown', notes: 'Access tokens last one year.' },
  scopes: [
    { name: 'read', description: 'Read documents and templates.' },
    { name: 'write', description: 'Create and send documents.' },
  ],
  docs: {
    registerUrl: 'https://developers.pandadoc.com/reference/authentication-process',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
