import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'smartsheet',
  displayName: 'Smartsheet',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{app_host}/b/authorize',
    token: 'https://api.{domain}/2.0/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'app_host',
      'App host',
      'The Smartsheet region’s app host: app.smartsheet.com, app.smartsheet.eu or app.smartsheet.au.',
      ['app.smartsheet.com', 'app.smartsheet.eu', 'app.smartsheet.au'],
      'app.smartsheet.com',
    ),
    oneOf(
      'domain',
      'API domain',
      'The Smartsheet region’s domain for the API host: smartsheet.com, smartsheet.eu or smartsheet.au.',
      ['smartsheet.com', 'smartsheet.eu', 'smartsheet.au'],
      'smartsheet.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
