import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'egnyte',
  displayName: 'Egnyte',
  categories: ['storage'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.egnyte.com/puboauth/token',
    token: 'https://{subdomain}.egnyte.com/puboauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    subdomain('subdomain', 'Egnyte domain', 'Your Egnyte domain: the “acme” of acme.egnyte.com.', 'acme'),
  ],
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  scopes: [
    { name: 'Egnyte.filesystem', description: 'Files and folders.' },
    { name: 'Egnyte.user', description: 'Users.' },
  ],
  presets: { files: ['Egnyte.filesystem'] },
  docs: {
    registerUrl: 'https://developers.egnyte.com/docs/read/Public_API_Authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
