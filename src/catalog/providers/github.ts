import { defineProvider } from '../provider.ts';

/** GitHub OAuth apps and GitHub-App user tokens. HTTP-200 errors etc.: see quirks/github.ts. */
export default defineProvider({
  key: 'github',
  displayName: 'GitHub',
  categories: ['dev-tools', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://github.com/login/oauth/authorize',
    token: 'https://github.com/login/oauth/access_token',
    // Not RFC 7009: the quirk module turns this into DELETE /applications/{client_id}/grant.
    revocation: 'https://api.github.com/applications',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: true,
    notes:
      'OAuth apps: tokens do not expire, no refresh token. GitHub Apps with expiring user tokens: access 8 hours, refresh 6 months, rotated on use.',
  },
  scopes: [
    { name: 'read:user', description: 'The user’s profile.' },
    { name: 'user:email', description: 'The user’s email addresses.' },
    { name: 'repo', description: 'Full access to public and private repositories.' },
    { name: 'public_repo', description: 'Public repositories only.' },
    { name: 'gist', description: 'Create gists.' },
  ],
  presets: { login: ['read:user', 'user:email'] },
  docs: {
    registerUrl: 'https://github.com/settings/developers',
    steps: [
      'GitHub → Settings → Developer settings → OAuth Apps → New OAuth App (or your organization’s settings).',
      'Authorization callback URL: paste the Redirect URL shown here.',
      'Generate a new client secret and copy it with the Client ID into this page.',
    ],
  },
  uncertain: [
    'PKCE (S256) support was announced in 2025; older GitHub Enterprise Server versions ignore it.',
  ],
  quirks: 'github',
});
