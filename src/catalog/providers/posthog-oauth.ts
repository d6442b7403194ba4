import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'posthog-oauth',
  displayName: 'PostHog (OAuth)',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://oauth.posthog.com/oauth/authorize/',
    token: 'https://oauth.posthog.com/oauth/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://posthog.com/docs/api',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
