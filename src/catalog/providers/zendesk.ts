import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'zendesk',
  displayName: 'Zendesk',
  categories: ['support', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.zendesk.com/oauth/authorizations/new',
    token: 'https://{subdomain}.zendesk.com/oauth/tokens',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    {
      name: 'subdomain',
      label: 'Subdomain',
      description: 'Your Zendesk subdomain (the “acme” of acme.zendesk.com).',
      pattern: '[a-z0-9][a-z0-9-]*',
      examples: ['acme'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
    notes:
      'Tokens do not expire unless the OAuth client is set to issue expiring tokens with refresh tokens.',
  },
  scopes: [
    { name: 'read', description: 'Read everything the user can see.' },
    { name: 'write', description: 'Create and change records.' },
    { name: 'tickets:read', description: 'Read tickets.' },
    { name: 'users:read', description: 'Read users.' },
  ],
  presets: { login: ['users:read'] },
  docs: { registerUrl: 'https://support.zendesk.com/hc/en-us/articles/4408845965210' },
  uncertain: ['PKCE and refresh tokens were added to Zendesk recently; older accounts may differ.'],
});
