import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'dropbox-sign',
  displayName: 'Dropbox Sign',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.hellosign.com/oauth/authorize',
    token: 'https://app.hellosign.com/oauth/token',
    refresh: 'https://app.hellosign.com/oauth/token?refresh',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [
    { name: 'basic_account_info', description: 'The user’s account information.' },
    { name: 'request_signature', description: 'Send signature requests.' },
    { name: 'signature_request_access', description: 'Read signature requests.' },
  ],
  presets: { login: ['basic_account_info'] },
  docs: {
    registerUrl: 'https://developers.hellosign.com/docs/oauth/walkthrough/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
