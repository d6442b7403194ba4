import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'salesforce-experience-cloud',
  displayName: 'Salesforce Experience Cloud',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.my.site.com/services/oauth2/authorize',
    token: 'https://{subdomain}.my.site.com/services/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    subdomain(
      'subdomain',
      'Site subdomain',
      'Your Experience Cloud site: the “acme” of acme.my.site.com.',
      'acme',
    ),
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'offline_access',
      description: 'A refresh token, to keep access while the user is away.',
    },
  ],
  presets: {
    crm: ['offline_access'],
  },
  docs: {
    registerUrl: 'https://help.salesforce.com/s/articleView?id=sf.networks_auth_configure_oauth.htm',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
