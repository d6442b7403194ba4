import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'snowflake',
  displayName: 'Snowflake',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{snowflake_account_url}/oauth/authorize',
    token: 'https://{snowflake_account_url}/oauth/token-request',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    hostName(
      'snowflake_account_url',
      'Account host',
      'Your Snowflake account host, such as acme-xy12345.snowflakecomputing.com.',
      'acme-xy12345.snowflakecomputing.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.snowflake.com/en/user-guide/oauth-custom',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
