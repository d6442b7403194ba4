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
  refreshToken: { issued: 'with_scope', rotates: 'unknown', notes: 'Needs offline_access.' },
  scopes: [
    { name: 'openid', description: 'Sign in (OpenID Connect).' },
    { name: 'offline_access', description: 'A refresh token.' },
    { name: 'employee', description: 'Read employees.' },
    { name: 'employee:job', description: 'Read job information.' },
  ],
  docs: {
    registerUrl: 'https://documentation.bamboohr.com/docs/getting-started',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
