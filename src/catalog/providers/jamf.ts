import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

/** Jamf Pro (Client Credentials): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'jamf',
  displayName: 'Jamf Pro (Client Credentials)',
  categories: ['other', 'dev-tools'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{instance}.jamfcloud.com/api/v1/oauth/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [subdomain('instance', 'Jamf Cloud instance', 'The name before .jamfcloud.com.', 'acme')],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.jamf.com/jamf-pro/docs/client-credentials' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
