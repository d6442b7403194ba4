import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'glean-oauth',
  displayName: 'Glean (OAuth)',
  categories: ['knowledge-base', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{server_url}/oauth/authorize',
    token: 'https://{server_url}/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    hostName(
      'server_url',
      'Glean backend host',
      'Your Glean backend host, such as acme-be.glean.com.',
      'acme-be.glean.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.glean.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
