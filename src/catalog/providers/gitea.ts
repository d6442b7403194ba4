import { defineProvider } from '../provider.ts';

/** Gitea, Forgejo and Codeberg (one code base). */
export default defineProvider({
  key: 'gitea',
  displayName: 'Gitea / Forgejo / Codeberg',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: '{instance}/login/oauth/authorize',
    token: '{instance}/login/oauth/access_token',
    userinfo: '{instance}/login/oauth/userinfo',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    {
      name: 'instance',
      label: 'Server URL',
      description: 'The address of the Gitea or Forgejo server.',
      pattern: 'https?://[^\\s?#]+',
      default: 'https://codeberg.org',
      examples: ['https://codeberg.org', 'https://git.example.com'],
      kind: 'base',
    },
  ],
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last one hour; each refresh returns a new refresh token.',
  },
  scopes: [
    { name: 'read:user', description: 'The user’s profile.' },
    { name: 'read:repository', description: 'Read repositories.' },
    { name: 'write:repository', description: 'Push to repositories.' },
  ],
  presets: { login: ['read:user'] },
  docs: {
    registerUrl: 'https://docs.gitea.com/development/oauth2-provider',
    steps: [
      'Settings → Applications → Manage OAuth2 applications: create one.',
      'Redirect URI: paste the Redirect URL shown here; copy the client id and secret here.',
    ],
  },
  uncertain: ['Scoped tokens need Gitea 1.19 / Forgejo 1.19 or newer; older servers ignore the scope.'],
});
