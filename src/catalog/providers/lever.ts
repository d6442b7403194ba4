import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'lever',
  displayName: 'Lever (OAuth)',
  categories: ['ats'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.lever.co/authorize',
    token: 'https://auth.lever.co/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    audience: 'https://api.lever.co/v1/',
  },
  refreshToken: {
    issued: 'with_scope',
    rotates: true,
    notes: 'Needs offline_access. Access tokens last one hour; each refresh returns a new refresh token.',
  },
  scopes: [
    { name: 'offline_access', description: 'A refresh token.' },
    { name: 'opportunities:read:admin', description: 'Read opportunities (candidates in pipelines).' },
    { name: 'postings:read:admin', description: 'Read job postings.' },
    { name: 'users:read:admin', description: 'Read users.' },
  ],
  presets: { login: ['users:read:admin', 'offline_access'] },
  docs: {
    registerUrl: 'https://hire.lever.co/developer/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
