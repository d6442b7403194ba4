import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'digitalocean',
  displayName: 'DigitalOcean',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://cloud.digitalocean.com/v1/oauth/authorize',
    token: 'https://cloud.digitalocean.com/v1/oauth/token',
    revocation: 'https://cloud.digitalocean.com/v1/oauth/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 30 days; a refresh token is single use.',
  },
  scopes: [
    { name: 'read', description: 'Read the team’s resources.' },
    { name: 'write', description: 'Change the team’s resources (with read).' },
  ],
  docs: {
    registerUrl: 'https://docs.digitalocean.com/reference/api/oauth/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
