import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'airtable',
  displayName: 'Airtable',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://airtable.com/oauth2/v1/authorize',
    token: 'https://airtable.com/oauth2/v1/token',
  },
  clientAuth: 'client_secret_basic',
  // Airtable requires PKCE for every client.
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 60,
    notes: 'Access tokens last one hour; each refresh returns a new refresh token (60 days).',
  },
  scopes: [
    { name: 'data.records:read', description: 'Read records.' },
    { name: 'data.records:write', description: 'Create and edit records.' },
    { name: 'schema.bases:read', description: 'Read base schemas.' },
    { name: 'user.email:read', description: 'The user’s email address.' },
  ],
  presets: { login: ['user.email:read'] },
  docs: { registerUrl: 'https://airtable.com/create/oauth' },
});
