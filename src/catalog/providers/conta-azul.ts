import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'conta-azul',
  displayName: 'Conta Azul',
  categories: ['accounting', 'erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.contaazul.com/login',
    token: 'https://auth.contaazul.com/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.contaazul.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
