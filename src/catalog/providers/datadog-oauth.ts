import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'datadog-oauth',
  displayName: 'Datadog (OAuth)',
  categories: ['analytics', 'dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{authorize_host}/oauth2/v1/authorize',
    token: 'https://api.{site_parameter}/oauth2/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'authorize_host',
      'Site host',
      'The Datadog site the organisation lives on (app.datadoghq.com, us3.datadoghq.com, us5.datadoghq.com, app.datadoghq.eu, ap1.datadoghq.com).',
      [
        'app.datadoghq.com',
        'us3.datadoghq.com',
        'us5.datadoghq.com',
        'app.datadoghq.eu',
        'ap1.datadoghq.com',
      ],
      'app.datadoghq.com',
    ),
    oneOf(
      'site_parameter',
      'Site',
      'The site’s domain for the API host (datadoghq.com, us3.datadoghq.com, us5.datadoghq.com, datadoghq.eu, ap1.datadoghq.com).',
      ['datadoghq.com', 'us3.datadoghq.com', 'us5.datadoghq.com', 'datadoghq.eu', 'ap1.datadoghq.com'],
      'datadoghq.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.datadoghq.com/developers/authorization/oauth2_in_datadog/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
