import { defineProvider, type ProviderInput } from '../provider.ts';

/**
 * The built-in demo provider (CiviCRM's "Local Demo"): a real OpenID provider served by this
 * process under /demo. Its issuer depends on PUBLIC_BASE_URL, so the entry is built at start-up.
 */
export function demoProvider(publicBaseUrl: string): ProviderInput {
  const issuer = `${publicBaseUrl}/demo`;
  return defineProvider({
    key: 'demo',
    displayName: 'Consentry Demo (built in)',
    categories: ['other'],
    protocol: 'oidc',
    issuer,
    endpoints: {
      authorization: `${issuer}/auth`,
      token: `${issuer}/token`,
      revocation: `${issuer}/token/revocation`,
      userinfo: `${issuer}/me`,
      jwks: `${issuer}/jwks`,
    },
    clientAuth: 'client_secret_basic',
    pkce: true,
    issParameter: true,
    // Anyone can be anyone at the demo (any name, any password): never a way into the console.
    consoleSignIn: false,
    refreshToken: {
      issued: 'always',
      rotates: true,
      notes: 'Rotates on every use; reusing an old one revokes the grant.',
    },
    scopes: [
      { name: 'openid', description: 'Sign in.' },
      { name: 'email', description: 'The demo account’s email address.' },
      { name: 'profile', description: 'The demo account’s name.' },
      { name: 'mail', description: 'Demo mailbox access (IMAP read + SMTP send).' },
      { name: 'calendar', description: 'Demo calendar access.' },
    ],
    presets: {
      login: ['openid', 'email', 'profile'],
      mail: ['openid', 'email', 'mail'],
      calendar: ['openid', 'email', 'calendar'],
    },
    docs: {
      steps: [
        'Nothing to register: the demo provider runs inside Consentry and its client is created at start-up.',
        'Sign in on the demo screens with any name and password.',
      ],
    },
  });
}
