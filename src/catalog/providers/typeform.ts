import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'typeform',
  displayName: 'Typeform',
  categories: ['surveys'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.typeform.com/oauth/authorize',
    token: 'https://api.typeform.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
    notes: 'Needs the offline scope. Access tokens last one week.',
  },
  scopes: [
    { name: 'offline', description: 'A refresh token.' },
    { name: 'accounts:read', description: 'The user’s account.' },
    { name: 'forms:read', description: 'Read forms.' },
    { name: 'responses:read', description: 'Read responses.' },
    { name: 'webhooks:write', description: 'Create webhooks.' },
  ],
  presets: { login: ['accounts:read'], surveys: ['offline', 'forms:read', 'responses:read'] },
  docs: {
    registerUrl: 'https://www.typeform.com/developers/get-started/applications/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
