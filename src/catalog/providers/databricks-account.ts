import { defineProvider } from '../provider.ts';

/** Databricks (Account Level): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'databricks-account',
  displayName: 'Databricks (Account Level)',
  categories: ['analytics'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://accounts.cloud.databricks.com/oidc/accounts/{account_id}/v1/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: { defaultScopes: ['all-apis'] },
  templates: [
    {
      name: 'account_id',
      label: 'Account id',
      description: 'Your Databricks account id (a UUID, shown in the account console).',
      pattern: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      examples: ['0123abcd-4567-89ef-0123-456789abcdef'],
    },
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
