import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'bamboohr',
  displayName: 'BambooHR (OAuth)',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.bamboohr.com/authorize.php',
    token: 'https://{subdomain}.bamboohr.com/token.php',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    request: 'authorize',
  },
  tokenParams: {
    request: 'token',
  },
  templates: [
    subdomain(
      'subdomain',
      'Company domain',
      'Your BambooHR company domain: the “acme” of acme.bamboohr.com.',
      'acme',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://documentation.bamboohr.com/docs/getting-started',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
