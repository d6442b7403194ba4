import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'linear',
  displayName: 'Linear',
  categories: ['productivity', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://linear.app/oauth/authorize',
    token: 'https://api.linear.app/oauth/token',
    revocation: 'https://api.linear.app/oauth/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
    notes:
      'Apps created since 2025 get 24-hour access tokens with refresh tokens; older apps long-lived tokens.',
  },
  scopes: [
    { name: 'read', description: 'Read the workspace.' },
    { name: 'write', description: 'Write to the workspace.' },
    { name: 'issues:create', description: 'Create issues.' },
    { name: 'comments:create', description: 'Create comments.' },
  ],
  presets: { login: ['read'] },
  docs: { registerUrl: 'https://linear.app/settings/api/applications/new' },
  uncertain: ['Refresh-token lifetime and rotation are recent and not settled.'],
  // The granted scope comes back as a JSON array.
  quirks: 'scope-array',
});
