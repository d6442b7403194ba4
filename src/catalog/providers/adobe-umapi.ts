import { defineProvider } from '../provider.ts';

/** Adobe User Management API (UMAPI): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'adobe-umapi',
  displayName: 'Adobe User Management API (UMAPI)',
  categories: ['iam', 'design'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://ims-na1.adobelogin.com/ims/token/v3' },
  clientAuth: 'client_secret_post',
  scopeSeparator: ',',
  clientCredentials: { defaultScopes: ['openid', 'AdobeID', 'user_management_sdk'] },
  refreshToken: { issued: 'never', rotates: false },
  docs: {
    registerUrl: 'https://developer.adobe.com/umapi/',
    notes: [
      'Create an OAuth Server-to-Server credential with the User Management API in the Adobe Developer Console; API calls also send the client id as X-Api-Key.',
    ],
  },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'Public catalogs list /ims/token/v2; Adobe’s server-to-server guide uses /ims/token/v3, taken here.',
  ],
});
