import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'simpro',
  displayName: 'Simpro',
  categories: ['productivity', 'invoicing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{build}.simprosuite.com/oauth2/login',
    token: 'https://{build}.simprosuite.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [subdomain('build', 'Build', 'Your Simpro build: the “acme” of acme.simprosuite.com.', 'acme')],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.simprogroup.com/apidoc/?page=f4e1a6a88eec1aa3f0b9aa9d0c4a6a8c',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
