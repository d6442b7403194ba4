import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

/** Oracle Cloud Identity: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'oracle-cloud-identity',
  displayName: 'Oracle Cloud Identity',
  categories: ['iam', 'dev-tools'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{service_instance}.identity.oraclecloud.com/oauth2/v1/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  templates: [
    subdomain(
      'service_instance',
      'Identity domain instance',
      'The idcs-… label of your identity domain URL.',
      'idcs-0123456789abcdef',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://docs.oracle.com/en/cloud/paas/identity-cloud/rest-api/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
