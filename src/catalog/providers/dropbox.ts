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
