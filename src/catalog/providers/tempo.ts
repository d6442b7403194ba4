import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'tempo',
  displayName: 'Tempo',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.tempo.io/oauth/authorize/redirect',
    token: 'https://api.tempo.io/oauth/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: {
    jira_url: 'https://{jira_subdomain}.atlassian.net',
  },
  templates: [
    subdomain(
      'jira_subdomain',
      'Jira site',
      'Your Jira Cloud site: the “acme” of acme.atlassian.net.',
      'acme',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://apidocs.tempo.io/#section/Authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
