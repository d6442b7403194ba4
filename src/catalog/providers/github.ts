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
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        error: 'bad_refresh_token',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens',
      example: {
        status: 200,
        body: {
          error: 'bad_refresh_token',
          error_description: 'The refresh token passed is incorrect or expired.',
          error_uri: 'https://docs.github.com',
        },
      },
    },
    {
      when: {
        error: 'incorrect_client_credentials',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors',
      example: {
        status: 200,
        body: {
          error: 'incorrect_client_credentials',
          error_description: 'The client_id and/or client_secret passed are incorrect.',
          error_uri: 'https://docs.github.com',
        },
      },
    },
    {
      when: {
        error: 'bad_verification_code',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'exchange',
      docs: 'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors',
      example: {
        status: 200,
        body: {
          error: 'bad_verification_code',
          error_description: 'The code passed is incorrect or expired.',
          error_uri: 'https://docs.github.com',
        },
      },
    },
  ],
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
