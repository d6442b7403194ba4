import { defineProvider } from '../provider.ts';

/**
 * Zoho: every data centre has its own accounts server, named by Zoho's table
 * (https://www.zoho.com/accounts/protocol/oauth/multi-dc.html; China from
 * https://www.bigin.com/developer/docs/apis/multi-dc.html). Canada is `accounts.zohocloud.ca`.
 *
 * Multi-DC: a client registered in one data centre sends every user to its own accounts server;
 * Zoho sends a user of another centre back with `location=eu&accounts-server=https://accounts.zoho.eu`,
 * and that user's code (and later refresh token) is valid only there.
 */
const ACCOUNTS_SERVERS: Record<string, string> = {
  com: 'accounts.zoho.com',
  eu: 'accounts.zoho.eu',
  in: 'accounts.zoho.in',
  'com.au': 'accounts.zoho.com.au',
  jp: 'accounts.zoho.jp',
  ca: 'accounts.zohocloud.ca',
  sa: 'accounts.zoho.sa',
  uk: 'accounts.zoho.uk',
  'com.cn': 'accounts.zoho.com.cn',
};

export default defineProvider({
  key: 'zoho',
  displayName: 'Zoho',
  categories: ['crm', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{dc}/oauth/v2/auth',
    token: 'https://{dc}/oauth/v2/token',
    revocation: 'https://{dc}/oauth/v2/token/revoke',
  },
  tokenHost: {
    param: 'accounts-server',
    allowed: Object.values(ACCOUNTS_SERVERS).map((host) => `https://${host}`),
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  scopeSeparator: ',',
  authorizationParams: { access_type: 'offline', prompt: 'consent' },
  templates: [
    {
      name: 'dc',
      label: 'Data center',
      description:
        'The data centre the client is registered in: com (US), eu, in, com.au, jp, ca (zohocloud.ca), sa, uk or com.cn.',
      pattern: 'com|eu|in|com\\.au|jp|ca|sa|uk|com\\.cn',
      urlValues: ACCOUNTS_SERVERS,
      default: 'com',
      examples: ['com', 'eu', 'com.au'],
    },
  ],
  refreshToken: {
    issued: 'with_param',
    rotates: false,
    notes: 'Needs access_type=offline. Refresh tokens do not expire; at most 20 per user and client.',
  },
  // The API base for this account's data center (https://www.zohoapis.eu …).
  keepResponseFields: ['api_domain'],
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        error: 'invalid_code',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      docs: 'https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token-expiry.html',
      example: {
        status: 200,
        body: {
          error: 'invalid_code',
        },
      },
    },
    {
      when: {
        error: 'invalid_client',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token.html',
      example: {
        status: 200,
        body: {
          error: 'invalid_client',
        },
      },
    },
    {
      when: {
        error: 'invalid_client_secret',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token.html',
      example: {
        status: 200,
        body: {
          error: 'invalid_client_secret',
        },
      },
    },
    {
      when: {
        error: 'Access Denied',
        descriptionIncludes: 'too many requests',
      },
      outcome: 'transient',
      cause: 'rate_limited',
      docs: 'https://www.zoho.com/accounts/protocol/oauth/use-access-token.html',
      example: {
        status: 400,
        body: {
          error_description:
            'You have made too many requests continuously. Please try again after some time.',
          error: 'Access Denied',
          status: 'failure',
        },
      },
    },
  ],
  scopes: [
    { name: 'AaaServer.profile.Read', description: 'The user’s profile.' },
    { name: 'ZohoMail.messages.ALL', description: 'Read and send mail.' },
    { name: 'ZohoCalendar.calendar.ALL', description: 'Calendars.' },
    { name: 'WorkDrive.files.ALL', description: 'Files in WorkDrive.' },
    { name: 'ZohoCRM.modules.ALL', description: 'CRM records.' },
  ],
  presets: {
    login: ['AaaServer.profile.Read'],
    calendar: ['ZohoCalendar.calendar.ALL'],
    files: ['WorkDrive.files.ALL'],
  },
  docs: { registerUrl: 'https://api-console.zoho.com/' },
  uncertain: ['The refresh-token cap per user comes from community sources.'],
});
