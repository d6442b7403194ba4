import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** commercetools: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'commercetools',
  displayName: 'commercetools',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://auth.{region}.{cloud_provider}.commercetools.com/oauth/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  templates: [
    oneOf('region', 'Region', 'The region of your project, as in its API host.', [
      'us-central1',
      'us-east-2',
      'europe-west1',
      'eu-central-1',
      'australia-southeast1',
    ]),
    oneOf('cloud_provider', 'Cloud', 'gcp or aws, as in your project’s API host.', ['gcp', 'aws'], 'gcp'),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: {
    registerUrl: 'https://docs.commercetools.com/api/authorization',
    notes: [
      'Scopes name the project: manage_project:{project key}. Enter them when creating the connection.',
    ],
  },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
