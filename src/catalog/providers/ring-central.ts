import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'ring-central',
  displayName: 'RingCentral',
  categories: ['support'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://platform.ringcentral.com/restapi/oauth/authorize',
    token: 'https://platform.ringcentral.com/restapi/oauth/token',
    revocation: 'https://platform.ringcentral.com/restapi/oauth/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 7,
    notes: 'Access tokens last one hour; refresh tokens one week, a new one with every refresh.',
  },
  docs: {
    registerUrl: 'https://developers.ringcentral.com/guide/authentication/auth-code-flow',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
