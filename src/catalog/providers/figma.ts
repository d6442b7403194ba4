import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'figma',
  displayName: 'Figma',
  categories: ['design', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.figma.com/oauth',
    token: 'https://api.figma.com/v1/oauth/token',
    refresh: 'https://api.figma.com/v1/oauth/refresh',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'always',
    rotates: false,
    notes:
      'Access tokens last 90 days; refreshes go to /v1/oauth/refresh and return only a new access token.',
  },
  scopes: [
    { name: 'current_user:read', description: 'The user’s name, email and picture.' },
    { name: 'file_content:read', description: 'Read the contents of files.' },
    { name: 'file_comments:write', description: 'Post and delete comments.' },
    { name: 'file_metadata:read', description: 'Read file metadata.' },
  ],
  presets: { login: ['current_user:read'], files: ['current_user:read', 'file_content:read'] },
  docs: {
    registerUrl: 'https://www.figma.com/developers/api#oauth2',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
