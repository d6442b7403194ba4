import { defineProvider } from '../provider.ts';

/** Salesforce: production, sandbox or My Domain login host. Quirks: see quirks/salesforce.ts. */
export default defineProvider({
  key: 'salesforce',
  displayName: 'Salesforce',
  categories: ['crm', 'popular'],
  protocol: 'oidc',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    notes:
      'Needs the My Domain host as login host and a run-as user set on the connected (external client) app.',
  },
  issuer: 'https://{login_host}',
  endpoints: {
    authorization: 'https://{login_host}/services/oauth2/authorize',
    token: 'https://{login_host}/services/oauth2/token',
    revocation: 'https://{login_host}/services/oauth2/revoke',
    userinfo: 'https://{login_host}/services/oauth2/userinfo',
    jwks: 'https://{login_host}/id/keys',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    {
      name: 'login_host',
      label: 'Login host',
      description:
        '“login.salesforce.com” (production), “test.salesforce.com” (sandbox) or your My Domain host.',
      pattern:
        'login\\.salesforce\\.com|test\\.salesforce\\.com|[a-z0-9-]+(--[a-z0-9]+)?(\\.sandbox|\\.develop|\\.scratch)?\\.my\\.salesforce\\.com',
      default: 'login.salesforce.com',
      examples: ['login.salesforce.com', 'test.salesforce.com', 'acme.my.salesforce.com'],
      kind: 'host',
    },
    {
      name: 'session_minutes',
      label: 'Session timeout (minutes)',
      description:
        'The org’s session timeout; Salesforce does not say when an access token expires (default 120).',
      pattern: '[1-9][0-9]{0,3}',
      default: '120',
      examples: ['120', '480'],
    },
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
    notes:
      'Needs the refresh_token (or offline_access) scope; lifetime and rotation are set per connected app.',
  },
  keepResponseFields: ['instance_url', 'id'],
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        error: 'invalid_grant',
        descriptionIncludes: "hasn't approved this consumer",
      },
      outcome: 'grant_dead',
      cause: 'consent_required',
      docs: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm&type=5',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: "user hasn't approved this consumer",
        },
      },
    },
    {
      when: {
        error: 'invalid_grant',
        descriptionIncludes: 'expired access/refresh token',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm&type=5',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'expired access/refresh token',
        },
      },
    },
    {
      when: {
        error: 'invalid_grant',
        descriptionIncludes: 'inactive user',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      docs: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm&type=5',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'inactive user',
        },
      },
    },
    {
      when: {
        error: 'invalid_client_id',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm&type=5',
      example: {
        status: 400,
        body: {
          error: 'invalid_client_id',
          error_description: 'client identifier invalid',
        },
      },
    },
    {
      when: {
        error: 'invalid_client',
        descriptionIncludes: 'invalid client credentials',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm&type=5',
      example: {
        status: 400,
        body: {
          error: 'invalid_client',
          error_description: 'invalid client credentials',
        },
      },
    },
  ],
  scopes: [
    { name: 'api', description: 'REST and SOAP API access.' },
    { name: 'refresh_token', description: 'A refresh token (same as offline_access).' },
    { name: 'offline_access', description: 'A refresh token.' },
    { name: 'openid', description: 'Sign in.' },
    { name: 'email', description: 'Email address.' },
    { name: 'profile', description: 'Name and profile.' },
  ],
  presets: { login: ['openid', 'email', 'profile'] },
  docs: {
    registerUrl: 'https://login.salesforce.com/lightning/setup/NavigationMenus/home',
    steps: [
      'Setup → App Manager → New Connected App (or External Client App); enable OAuth settings.',
      'Callback URL: paste the Redirect URL shown here; add the scopes listed here.',
      'Copy the Consumer Key (client id) and Consumer Secret into this page.',
    ],
    notes: ['API calls go to the connection’s instance_url, kept from the token response.'],
  },
  quirks: 'salesforce',
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
