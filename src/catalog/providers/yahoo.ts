import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'yahoo',
  displayName: 'Yahoo',
  categories: ['communication'],
  protocol: 'oidc',
  issuer: 'https://api.login.yahoo.com',
  endpoints: {
    authorization: 'https://api.login.yahoo.com/oauth2/request_auth',
    token: 'https://api.login.yahoo.com/oauth2/get_token',
    userinfo: 'https://api.login.yahoo.com/openid/v1/userinfo',
    jwks: 'https://api.login.yahoo.com/openid/v1/certs',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: false,
    notes: 'Long-lived refresh token; access tokens one hour.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'email', description: 'Email address.' },
    { name: 'profile', description: 'Name and profile.' },
    { name: 'mail-w', description: 'Read and send mail (IMAP and SMTP with XOAUTH2).' },
  ],
  presets: { login: ['openid', 'email', 'profile'], mail: ['openid', 'email', 'mail-w'] },
  docs: { registerUrl: 'https://developer.yahoo.com/apps/' },
  uncertain: [
    'The mail scope for IMAP/SMTP (mail-w) needs Yahoo’s approval.',
    'PKCE support is undocumented.',
  ],
});
