import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'dialpad',
  displayName: 'Dialpad',
  categories: ['communication'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://dialpad.com/oauth2/authorize',
    token: 'https://dialpad.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'with_scope', rotates: 'unknown', notes: 'Needs offline_access.' },
  scopes: [
    { name: 'offline_access', description: 'A refresh token.' },
    { name: 'calls:list', description: 'List calls.' },
    { name: 'message_content_export', description: 'Export message content.' },
  ],
  docs: {
    registerUrl: 'https://developers.dialpad.com/docs/oauth-20',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
