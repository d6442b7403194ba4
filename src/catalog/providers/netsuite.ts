import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'netsuite',
  displayName: 'NetSuite (OAuth)',
  categories: ['accounting', 'erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{account_id}.app.netsuite.com/app/login/oauth2/authorize.nl',
    token: 'https://{account_id}.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    prompt: 'consent',
  },
  templates: [
    {
      name: 'account_id',
      label: 'Account id',
      description:
        'Your NetSuite account id in URL form (lower case, “_” as “-”, e.g. 1234567 or 1234567-sb1).',
      pattern: '[a-z0-9-]+',
      examples: ['1234567'],
    },
  ],
  refreshToken: {
    issued: 'always',
    rotates: false,
    lifetimeDays: 7,
    notes: 'Access tokens last one hour; refresh tokens 7 days (an integration-record setting).',
  },
  scopes: [
    {
      name: 'rest_webservices',
      description: 'NetSuite REST web services.',
    },
  ],
  presets: { erp: ['rest_webservices'] },
  docs: {
    registerUrl: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_157771733782.html',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
