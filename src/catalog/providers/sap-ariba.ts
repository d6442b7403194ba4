import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** SAP Ariba: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'sap-ariba',
  displayName: 'SAP Ariba',
  categories: ['erp'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{subdomain}.ariba.com/v2/oauth/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: { grantType: 'openapi_2lo' },
  templates: [
    oneOf(
      'subdomain',
      'Data centre',
      'The API host label of your data centre.',
      ['api', 'api-eu', 'api-au', 'api-jp', 'api-ca'],
      'api',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: {
    registerUrl: 'https://help.sap.com/docs/ariba-apis',
    notes: [
      'SAP Ariba names its two-legged grant openapi_2lo; API calls also send the application key (apiKey header).',
    ],
  },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
