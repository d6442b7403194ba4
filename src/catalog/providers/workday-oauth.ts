import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'workday-oauth',
  displayName: 'Workday (OAuth)',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{authorization_domain}/{tenant}/authorize',
    token: 'https://{token_domain}/ccx/oauth2/{tenant}/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    hostName(
      'authorization_domain',
      'Authorization host',
      'The host of your tenant’s Workday sign-in page, such as impl.workday.com.',
      'impl.workday.com',
    ),
    {
      name: 'tenant',
      label: 'Tenant',
      description: 'Your Workday tenant name.',
      pattern: '[A-Za-z0-9_]+',
      examples: ['acme'],
    },
    hostName(
      'token_domain',
      'Web-services host',
      'The host of your tenant’s web services, such as wd2-impl-services1.workday.com.',
      'wd2-impl-services1.workday.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://doc.workday.com/admin-guide/en-us/authentication-and-security/authentication/oauth/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
