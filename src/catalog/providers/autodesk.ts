import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'autodesk',
  displayName: 'Autodesk',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://developer.api.autodesk.com/authentication/v2/authorize',
    token: 'https://developer.api.autodesk.com/authentication/v2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 15,
    notes: 'Access tokens last one hour; each refresh token is single use, valid 15 days.',
  },
  scopes: [
    { name: 'data:read', description: 'Read the user’s data (files, projects).' },
    { name: 'data:write', description: 'Change the user’s data.' },
    { name: 'user-profile:read', description: 'The user’s profile.' },
  ],
  presets: { login: ['user-profile:read'], files: ['data:read'] },
  docs: {
    registerUrl: 'https://aps.autodesk.com/en/docs/oauth/v2/developers_guide/overview/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
