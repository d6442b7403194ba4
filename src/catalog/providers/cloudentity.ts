import { defineProvider } from '../provider.ts';
import { oneOf, subdomain } from './shapes.ts';

/** Cloudentity: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'cloudentity',
  displayName: 'Cloudentity',
  categories: ['iam'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: {
    token: 'https://{tenant_id}.{region_id}.authz.cloudentity.io/{tenant_id}/{workspace_id}/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    subdomain(
      'tenant_id',
      'Tenant id',
      'Your Cloudentity tenant id (first label of the tenant host).',
      'acme',
    ),
    oneOf('region_id', 'Region', 'The region label of the tenant host.', ['us', 'eu', 'au']),
    {
      name: 'workspace_id',
      label: 'Workspace id',
      description: 'The workspace (authorization server) id.',
      pattern: '[A-Za-z0-9_-]+',
      examples: ['default'],
    },
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://cloudentity.com/developers/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
