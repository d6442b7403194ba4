import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'pingone',
  displayName: 'PingOne',
  categories: ['dev-tools', 'iam'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    notes: 'A worker application (or one with the client-credentials grant enabled) in the environment.',
  },
  endpoints: {
    authorization: 'https://auth.pingone.{tld}/{environment_id}/as/authorize',
    token: 'https://auth.pingone.{tld}/{environment_id}/as/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'tld',
      'Region domain',
      'The PingOne region of the environment: com (North America), eu, asia, ca.',
      ['com', 'eu', 'asia', 'ca'],
      'com',
    ),
    {
      name: 'environment_id',
      label: 'Environment id',
      description: 'The PingOne environment id (a UUID).',
      pattern: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
      examples: ['0a1b2c3d-0000-4e5f-8a9b-0123456789ab'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://apidocs.pingidentity.com/pingone/platform/v1/api/#authorization-and-authentication-apis',
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
