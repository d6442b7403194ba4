import { defineProvider } from '../provider.ts';

/** Sign in with Apple. The client secret is minted per request by the `apple` quirk module. */
export default defineProvider({
  key: 'apple',
  displayName: 'Apple (Sign in with Apple)',
  categories: ['iam'],
  protocol: 'oidc',
  issuer: 'https://appleid.apple.com',
  endpoints: {
    authorization: 'https://appleid.apple.com/auth/authorize',
    token: 'https://appleid.apple.com/auth/token',
    revocation: 'https://appleid.apple.com/auth/revoke',
    jwks: 'https://appleid.apple.com/auth/keys',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  // Apple requires form_post whenever name or email is requested; the callback accepts POST.
  authorizationParams: { response_mode: 'form_post' },
  templates: [
    {
      name: 'team_id',
      label: 'Team ID',
      description: 'Your Apple Developer team id (10 characters, top right of the developer account).',
      pattern: '[A-Z0-9]{10}',
      examples: ['A1B2C3D4E5'],
    },
    {
      name: 'key_id',
      label: 'Key ID',
      description: 'The id of the “Sign in with Apple” private key (10 characters).',
      pattern: '[A-Z0-9]{10}',
      examples: ['KEY1234567'],
    },
  ],
  refreshToken: {
    issued: 'always',
    rotates: false,
    notes: 'Apple asks clients not to validate a refresh token more than once a day.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'name', description: 'The user’s name (sent only the first time the user consents).' },
    { name: 'email', description: 'The user’s email address (possibly a private relay address).' },
  ],
  presets: { login: ['openid', 'name', 'email'] },
  docs: {
    registerUrl: 'https://developer.apple.com/account/resources/identifiers/list/serviceId',
    steps: [
      'Certificates, Identifiers & Profiles → Identifiers → register a Services ID; its identifier is the client id.',
      'Enable “Sign in with Apple” on it → Configure: add your domain and paste the Redirect URL shown here as a Return URL.',
      'Keys → create a key with “Sign in with Apple”, download the .p8 file (once) and note the Key ID.',
      'Here: client id = the Services ID, client secret = the whole .p8 file, plus the Team ID and Key ID.',
    ],
    notes: ['The user’s name arrives only on the first consent; Apple never sends it again.'],
  },
  uncertain: ['PKCE is not documented by Apple, so it is not sent.'],
  quirks: 'apple',
});
