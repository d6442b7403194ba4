import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** Databricks (Workspace Level): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'databricks-workspace',
  displayName: 'Databricks (Workspace Level)',
  categories: ['analytics'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{databricks_instance}/oidc/v1/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: { defaultScopes: ['all-apis'] },
  templates: [
    hostName(
      'databricks_instance',
      'Workspace host',
      'The host of your Databricks workspace.',
      'adb-1234567890123456.7.azuredatabricks.net',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: {
    registerUrl: 'https://docs.databricks.com/en/dev-tools/auth/oauth-m2m.html',
    notes: ['Create a service principal and an OAuth secret for it; its application id is the client id.'],
  },
  uncertain: [
    'Token path, POST and one-hour tokens checked against Databricks’ OAuth M2M guide; the all-apis scope and HTTP Basic client authentication are from its manual-token example, not re-read.',
  ],
});
