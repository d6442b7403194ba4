import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'dropbox',
  displayName: 'Dropbox',
  categories: ['storage', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.dropbox.com/oauth2/authorize',
    token: 'https://api.dropboxapi.com/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  // Without token_access_type=offline Dropbox issues a short-lived access token and no refresh token.
  authorizationParams: { token_access_type: 'offline' },
  // Revokes the access token and, with it, its refresh token (answer: HTTP 200, `null`).
  revocation: { url: 'https://api.dropboxapi.com/2/auth/token/revoke', tokenIn: 'bearer' },
  refreshToken: {
    issued: 'with_param',
    rotates: false,
    notes: 'Access tokens last four hours; the refresh token is long-lived and not rotated.',
  },
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        error: 'invalid_grant',
        descriptionIncludes: 'refresh token',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'refresh token is invalid or revoked',
        },
      },
    },
    {
      when: {
        error: 'invalid_client',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token',
      example: {
        status: 400,
        body: {
          error: 'invalid_client',
          error_description: 'Invalid client_id or client_secret',
        },
      },
    },
    {
      when: {
        status: [429],
      },
      outcome: 'transient',
      cause: 'rate_limited',
      docs: 'https://www.dropbox.com/developers/documentation/http/documentation#error-handling',
      example: {
        status: 429,
        body: {
          error_summary: 'too_many_requests/...',
          error: {
            reason: {
              '.tag': 'too_many_requests',
            },
            retry_after: 300,
          },
        },
        headers: {
          'retry-after': '300',
        },
      },
    },
  ],
  scopes: [
    { name: 'account_info.read', description: 'The user’s account information.' },
    { name: 'files.metadata.read', description: 'List files and folders.' },
    { name: 'files.content.read', description: 'Read file contents.' },
    { name: 'files.content.write', description: 'Write file contents.' },
  ],
  presets: {
    files: ['account_info.read', 'files.metadata.read', 'files.content.read', 'files.content.write'],
  },
  docs: {
    registerUrl: 'https://www.dropbox.com/developers/apps',
    notes: [
      'Revocation is POST /2/auth/token/revoke with the access token as bearer (not RFC 7009); it also disables the refresh token.',
    ],
  },
});
