import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'lever-sandbox',
  displayName: 'Lever (OAuth Sandbox)',
  categories: ['ats'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://sandbox-lever.auth0.com/authorize',
    token: 'https://sandbox-lever.auth0.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    audience: 'https://api.sandbox.lever.co/v1/',
    prompt: 'consent',
  },
  refreshToken: {
    issued: 'with_scope',
    rotates: true,
    notes: 'Needs offline_access. Access tokens last one hour; each refresh returns a new refresh token.',
  },
  docs: {
    registerUrl: 'https://hire.lever.co/developer/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
