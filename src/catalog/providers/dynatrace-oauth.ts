import { defineProvider } from '../provider.ts';

/** Dynatrace (OAuth): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'dynatrace-oauth',
  displayName: 'Dynatrace (OAuth)',
  categories: ['analytics', 'dev-tools'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://sso.dynatrace.com/sso/oauth2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: { tokenParams: { resource: 'urn:dtaccount:{account_uuid}' } },
  templates: [
    {
      name: 'account_uuid',
      label: 'Account UUID',
      description: 'Your Dynatrace account UUID (Account Management → Identity & access).',
      pattern: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      examples: ['0123abcd-4567-89ef-0123-456789abcdef'],
    },
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: {
    registerUrl:
      'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/oauth-clients',
  },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
