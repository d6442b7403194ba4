import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** SAP Concur (App Token): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'sap-concur',
  displayName: 'SAP Concur (App Token)',
  categories: ['erp', 'accounting'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{region}.api.concursolutions.com/oauth2/v0/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    oneOf(
      'region',
      'Data centre',
      'The data-centre label of your API host.',
      ['us', 'us2', 'eu', 'eu2', 'emea', 'cn'],
      'us',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.concur.com/api-reference/authentication/apidoc.html' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'This is the application token; company-level tokens use Concur’s password grant with a company request token, which Consentry does not run.',
  ],
});
