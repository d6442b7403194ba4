import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'greenhouse',
  displayName: 'Greenhouse (OAuth)',
  categories: ['ats'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.greenhouse.io/oauth/authorize',
    token: 'https://api.greenhouse.io/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown' },
  scopes: [
    { name: 'candidates.read', description: 'Read candidates.' },
    { name: 'jobs.read', description: 'Read jobs.' },
  ],
  docs: {
    registerUrl: 'https://developers.greenhouse.io/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
