import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'google',
  displayName: 'Google',
  categories: ['productivity', 'popular'],
  protocol: 'oidc',
  issuer: 'https://accounts.google.com',
  // Service accounts (RFC 7523 JWT bearer, domain-wide delegation): src/protocol/service-account.ts,
  // https://developers.google.com/identity/protocols/oauth2/service-account#httprest
  grants: ['authorization_code', 'jwt_bearer'],
  endpoints: {
    authorization: 'https://accounts.google.com/o/oauth2/v2/auth',
    token: 'https://oauth2.googleapis.com/token',
    revocation: 'https://oauth2.googleapis.com/revoke',
    userinfo: 'https://openidconnect.googleapis.com/v1/userinfo',
    jwks: 'https://www.googleapis.com/oauth2/v3/certs',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  issParameter: true,
  // https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken:
  // “The value of iss in the ID token is equal to https://accounts.google.com or accounts.google.com.”
  idTokenIssuers: ['https://accounts.google.com', 'accounts.google.com'],
  // access_type=offline is the only way to get a refresh token; prompt=consent gets one again
  // when the user had already consented (Google otherwise omits it).
  authorizationParams: { access_type: 'offline', prompt: 'consent' },
  templates: [
    {
      name: 'publishing_status',
      label: 'Publishing status',
      description:
        'The OAuth consent screen’s publishing status: production (published or internal) or testing (refresh tokens then expire after 7 days).',
      pattern: 'production|testing',
      default: 'production',
      examples: ['production', 'testing'],
      optional: true,
    },
  ],
  refreshToken: {
    issued: 'with_param',
    rotates: false,
    // Only apps in "Testing" status: their refresh tokens lapse after 7 days, published apps' do not.
    lifetimeDays: 7,
    lifetimeWhen: { publishing_status: 'testing' },
    notes:
      'Apps in “Testing” publishing status: refresh tokens expire after 7 days. Unused for 6 months: expired. Too many per client and account: the oldest is invalidated.',
  },
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        field: 'error_subtype',
        equals: 'invalid_rapt',
      },
      outcome: 'grant_dead',
      cause: 'consent_required',
      stage: 'refresh',
      docs: 'https://support.google.com/a/answer/9368756',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'reauth related error (invalid_rapt)',
          error_uri: 'https://support.google.com/a/answer/9368756',
          error_subtype: 'invalid_rapt',
        },
      },
    },
    {
      when: {
        error: 'invalid_grant',
        descriptionIncludes: 'expired or revoked',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://developers.google.com/identity/protocols/oauth2#expiration',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: 'Token has been expired or revoked.',
        },
      },
    },
    {
      when: {
        error: 'invalid_client',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-errors',
      example: {
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: 'The OAuth client was not found.',
        },
      },
    },
    {
      when: {
        error: 'unauthorized_client',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-errors',
      example: {
        status: 401,
        body: {
          error: 'unauthorized_client',
          error_description: 'Unauthorized',
        },
      },
    },
  ],
  scopes: [
    { name: 'openid', description: 'Sign in: who the user is (subject identifier).' },
    { name: 'email', description: 'The user’s email address and whether it is verified.' },
    { name: 'profile', description: 'Name and picture.' },
    {
      name: 'https://mail.google.com/',
      description: 'Full mailbox access over IMAP and SMTP send (XOAUTH2).',
    },
    { name: 'https://www.googleapis.com/auth/calendar', description: 'Read and write calendars.' },
    {
      name: 'https://www.googleapis.com/auth/drive.file',
      description: 'Files the app created or the user opened with it.',
    },
  ],
  presets: {
    login: ['openid', 'email', 'profile'],
    mail: ['openid', 'email', 'https://mail.google.com/'],
    calendar: ['openid', 'email', 'https://www.googleapis.com/auth/calendar'],
    files: ['openid', 'email', 'https://www.googleapis.com/auth/drive.file'],
  },
  docs: {
    registerUrl: 'https://console.cloud.google.com/apis/credentials',
    steps: [
      'Google Cloud console → APIs & Services → Credentials → Create credentials → OAuth client ID.',
      'Application type: Web application.',
      'Under “Authorized redirect URIs”, paste the Redirect URL shown here exactly.',
      'Copy the Client ID and Client secret into this page.',
      'OAuth consent screen: add the scopes listed here (for mail: https://mail.google.com/).',
      'While the app is in “Testing” status, refresh tokens expire after 7 days: publish it for long-lived connections, or set Publishing status to testing here so Consentry warns before they lapse.',
    ],
  },
});
