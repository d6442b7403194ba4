import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** Coupa Compass: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'coupa-compass',
  displayName: 'Coupa Compass',
  categories: ['payment', 'invoicing'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{instance_domain}/oauth2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    hostName(
      'instance_domain',
      'Instance host',
      'The host of your Coupa Compass instance.',
      'acme.coupacloud.com',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://compass.coupa.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
