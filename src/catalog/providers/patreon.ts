import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'patreon',
  displayName: 'Patreon',
  categories: ['social', 'payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.patreon.com/oauth2/authorize',
    token: 'https://www.patreon.com/api/oauth2/token',
  },
  // Patreon's own client libraries send client_id and client_secret in the form body.
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last about a month; a refresh returns a new pair.',
  },
  scopes: [
    { name: 'identity', description: 'The user’s Patreon profile.' },
    { name: 'identity[email]', description: 'The user’s email address.' },
    { name: 'identity.memberships', description: 'The user’s memberships (the creators they support).' },
    { name: 'campaigns', description: 'The creator’s campaigns and tiers.' },
    { name: 'campaigns.members', description: 'The members of the creator’s campaigns.' },
  ],
  presets: { login: ['identity', 'identity[email]'] },
  docs: { registerUrl: 'https://www.patreon.com/portal/registration/register-clients' },
  uncertain: [
    'PKCE is not documented by Patreon and is not sent; rotation on refresh is from client libraries.',
  ],
});
