import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'deel',
  displayName: 'Deel',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.deel.com/oauth2/authorize',
    token: 'https://app.deel.com/oauth2/tokens',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown', notes: 'Access tokens last 30 days.' },
  scopes: [
    { name: 'contracts:read', description: 'Read contracts.' },
    { name: 'people:read', description: 'Read people.' },
    { name: 'organizations:read', description: 'Read the organisation.' },
  ],
  docs: {
    registerUrl: 'https://developer.deel.com/docs/oauth2',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
