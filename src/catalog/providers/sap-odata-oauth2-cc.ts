import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

/** SAP S/4HANA Cloud (Client Credentials): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'sap-odata-oauth2-cc',
  displayName: 'SAP S/4HANA Cloud (Client Credentials)',
  categories: ['erp', 'popular'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{subdomain}.authentication.{region}.hana.ondemand.com/oauth/token' },
  clientAuth: 'client_secret_basic',
  scopeSeparator: ',',
  clientCredentials: {},
  templates: [
    subdomain('subdomain', 'Subaccount subdomain', 'The subdomain of your SAP BTP subaccount.', 'acme'),
    {
      name: 'region',
      label: 'Region',
      description: 'The BTP region of the subaccount, e.g. eu10, us10.',
      pattern: '[a-z]{2}[0-9]{2}(?:-[0-9]{3})?',
      examples: ['eu10'],
    },
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://help.sap.com/docs/btp' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
