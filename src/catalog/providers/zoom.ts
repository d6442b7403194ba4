import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'zoom',
  displayName: 'Zoom',
  categories: ['video', 'communication'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    grantType: 'account_credentials',
    tokenParams: { account_id: '{account_id}' },
    notes:
      'Server-to-Server OAuth apps: Zoom names the grant account_credentials and wants the account id; tokens last one hour, no refresh token.',
  },
  endpoints: {
    authorization: 'https://zoom.us/oauth/authorize',
    token: 'https://zoom.us/oauth/token',
    revocation: 'https://zoom.us/oauth/revoke',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    {
      name: 'account_id',
      label: 'Account ID (Server-to-Server OAuth)',
      description:
        'Only for Server-to-Server OAuth apps: the Account ID shown with the app’s credentials. Leave empty for user-consent (OAuth) apps.',
      pattern: '[A-Za-z0-9_-]{10,64}',
      examples: ['AbCdEfGhIj0123456789xy'],
      optional: true,
    },
  ],
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 90,
    notes:
      'Access tokens last one hour; every refresh returns a new refresh token and the old one stops working.',
  },
  scopes: [
    { name: 'user:read:user', description: 'The user’s profile.' },
    { name: 'meeting:read:meeting', description: 'Meeting details.' },
    { name: 'meeting:write:meeting', description: 'Create meetings.' },
  ],
  presets: { calendar: ['meeting:read:meeting', 'meeting:write:meeting'] },
  docs: {
    registerUrl: 'https://marketplace.zoom.us/develop/create',
    notes: ['Scopes are chosen on the app in the Zoom Marketplace.'],
  },
  uncertain: ['Rotation (“old one invalid”) comes from a weak source.'],
});
