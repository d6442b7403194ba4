import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'vimeo',
  displayName: 'Vimeo (OAuth)',
  categories: ['video'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.vimeo.com/oauth/authorize',
    token: 'https://api.vimeo.com/oauth/access_token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  scopes: [
    { name: 'public', description: 'Public data (always granted).' },
    { name: 'private', description: 'The user’s private videos and data.' },
    { name: 'upload', description: 'Upload videos.' },
    { name: 'edit', description: 'Edit videos.' },
    { name: 'video_files', description: 'Video file links.' },
  ],
  presets: { login: ['public'], files: ['public', 'private', 'video_files'] },
  docs: {
    registerUrl: 'https://developer.vimeo.com/api/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
