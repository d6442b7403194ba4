import { defineProvider } from '../provider.ts';

/** GitLab.com or a self-managed GitLab. */
export default defineProvider({
  key: 'gitlab',
  displayName: 'GitLab',
  categories: ['dev-tools'],
  protocol: 'oidc',
  issuer: '{instance}',
  endpoints: {
    authorization: '{instance}/oauth/authorize',
    token: '{instance}/oauth/token',
    revocation: '{instance}/oauth/revoke',
    userinfo: '{instance}/oauth/userinfo',
    jwks: '{instance}/oauth/discovery/keys',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    {
      name: 'instance',
      label: 'GitLab URL',
      description: 'https://gitlab.com or the address of your own GitLab.',
      pattern: 'https?://[a-z0-9.-]+(:\\d+)?',
      default: 'https://gitlab.com',
      examples: ['https://gitlab.com', 'https://gitlab.example.org'],
      kind: 'origin',
    },
  ],
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last two hours; every refresh returns a new refresh token.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'email', description: 'Email address.' },
    { name: 'profile', description: 'Name and profile.' },
    { name: 'read_user', description: 'The user’s profile through the API.' },
    { name: 'read_api', description: 'Read access to the API.' },
    { name: 'api', description: 'Full read and write access to the API.' },
    { name: 'read_repository', description: 'Read repositories.' },
    { name: 'write_repository', description: 'Push to repositories.' },
  ],
  presets: { login: ['openid', 'email', 'profile'] },
  docs: {
    registerUrl: 'https://gitlab.com/-/user_settings/applications',
    steps: [
      'User settings (or group / admin area) → Applications → Add new application.',
      'Redirect URI: paste the Redirect URL shown here; keep “Confidential” checked.',
      'Tick the scopes listed here, save, and copy the Application ID and Secret into this page.',
    ],
  },
});
