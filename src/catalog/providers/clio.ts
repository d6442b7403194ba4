import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'clio',
  displayName: 'Clio',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{hostname}/oauth/authorize',
    token: 'https://{hostname}/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'hostname',
      'Region host',
      'The Clio region of the account: app.clio.com (US), eu.app.clio.com, ca.app.clio.com or au.app.clio.com.',
      ['app.clio.com', 'eu.app.clio.com', 'ca.app.clio.com', 'au.app.clio.com'],
      'app.clio.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.developers.clio.com/clio-manage/api-reference/authorization/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
