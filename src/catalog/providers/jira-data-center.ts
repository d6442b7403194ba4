import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'jira-data-center',
  displayName: 'Jira Data Center',
  categories: ['productivity', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{endpoint_url}/rest/oauth2/latest/authorize',
    token: 'https://{endpoint_url}/rest/oauth2/latest/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    hostName(
      'endpoint_url',
      'Jira host',
      'The host name of your Jira Data Center server.',
      'jira.example.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://confluence.atlassian.com/adminjiraserver/jira-oauth-2-0-provider-api-1115659070.html',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
