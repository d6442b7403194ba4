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
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 7 days; each refresh returns a new refresh token.',
  },
  scopes: [
    { name: 'READ_SHEETS', description: 'Read sheets.' },
    { name: 'WRITE_SHEETS', description: 'Change sheets.' },
    { name: 'READ_USERS', description: 'Read users.' },
  ],
  presets: { files: ['READ_SHEETS'] },
  docs: {
    registerUrl: 'https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth',
    notes: [
      'Smartsheet takes either the client secret in the body or a SHA-256 hash of it with the code; Consentry sends the secret (over TLS), which the token endpoint documents as equivalent.',
    ],
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
