import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** Thomson Reuters Legal Tracker: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'thomson-reuters-legal-tracker',
  displayName: 'Thomson Reuters Legal Tracker',
  categories: ['legal'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{hostname}/onepass/oauth2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    hostName(
      'hostname',
      'Legal Tracker host',
      'The host of your Legal Tracker site.',
      'app.legaltracker.com',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developerportal.thomsonreuters.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
