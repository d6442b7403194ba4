import { defineProvider } from '../provider.ts';

/** Atlassian Cloud (Jira, Confluence) OAuth 2.0 (3LO). */
export default defineProvider({
  key: 'atlassian',
  displayName: 'Atlassian (Jira, Confluence)',
  categories: ['productivity', 'ticketing', 'popular'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    notes:
      'Service accounts with OAuth 2.0 credentials (Atlassian Administration → Directory → Service accounts); API calls go through api.atlassian.com/ex/… with the site’s cloud id.',
  },
  endpoints: {
    authorization: 'https://auth.atlassian.com/authorize',
    token: 'https://auth.atlassian.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: { audience: 'api.atlassian.com', prompt: 'consent' },
  refreshToken: {
    issued: 'with_scope',
    rotates: true,
    lifetimeDays: 90,
    notes: 'Needs offline_access. Rotating: each refresh returns a new one; expires after 90 days unused.',
  },
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        status: [403],
        error: 'unauthorized_client',
        descriptionIncludes: 'refresh_token is invalid',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
      example: {
        status: 403,
        body: {
          error: 'unauthorized_client',
          error_description: 'refresh_token is invalid',
        },
      },
    },
    {
      when: {
        status: [403],
        error: 'invalid_grant',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
      example: {
        status: 403,
        body: {
          error: 'invalid_grant',
          error_description: 'Unknown or invalid refresh token.',
        },
      },
    },
  ],
  scopes: [
    { name: 'read:me', description: 'The user’s Atlassian account profile.' },
    { name: 'offline_access', description: 'A refresh token.' },
    { name: 'read:jira-work', description: 'Read Jira issues and projects.' },
    { name: 'write:jira-work', description: 'Create and edit Jira issues.' },
    { name: 'read:confluence-content.all', description: 'Read Confluence pages.' },
    { name: 'write:confluence-content', description: 'Create and edit Confluence pages.' },
  ],
  presets: { login: ['read:me'] },
  docs: {
    registerUrl: 'https://developer.atlassian.com/console/myapps/',
    notes: ['API calls go through https://api.atlassian.com/ex/jira/{cloudId}, not the site URL.'],
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'The token endpoint is documented with a JSON body; a form body (sent here) is accepted by its Auth0 base.',
    'PKCE is not documented for 3LO apps, so it is not sent.',
  ],
});
