import { defineProvider } from '../provider.ts';

/**
 * Any OAuth 2.0 server the catalog does not know. The administrator types the endpoints, the
 * client authentication method, the scope separator and whether to send PKCE; they are validated
 * at registration like any template value, and the `custom` quirk module applies them to that one
 * registered client.
 */
const URL_PATTERN = 'https://[^\\s]+|http://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?(/[^\\s]*)?';

export default defineProvider({
  key: 'custom',
  displayName: 'Custom OAuth 2.0 server',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: { authorization: '{authorization_url}', token: '{token_url}' },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    {
      name: 'authorization_url',
      label: 'Authorization endpoint',
      description: 'The https URL the browser is sent to for consent.',
      pattern: URL_PATTERN,
      examples: ['https://auth.example.com/oauth/authorize'],
      kind: 'url',
    },
    {
      name: 'token_url',
      label: 'Token endpoint',
      description: 'The https URL codes and refresh tokens are exchanged at.',
      pattern: URL_PATTERN,
      examples: ['https://auth.example.com/oauth/token'],
      kind: 'url',
    },
    {
      name: 'revocation_url',
      label: 'Revocation endpoint (optional)',
      description: 'An RFC 7009 revocation URL, if the server has one.',
      pattern: URL_PATTERN,
      examples: ['https://auth.example.com/oauth/revoke'],
      kind: 'url',
      optional: true,
    },
    {
      name: 'userinfo_url',
      label: 'UserInfo endpoint (optional)',
      description: 'Where the account’s identity can be read, if anywhere.',
      pattern: URL_PATTERN,
      examples: ['https://auth.example.com/userinfo'],
      kind: 'url',
      optional: true,
    },
    {
      name: 'issuer',
      label: 'Issuer (optional, OpenID)',
      description:
        'The issuer identifier exactly as the server writes it in ID tokens. With a JWKS URL, this server is an OpenID provider: asking for “openid” validates its ID tokens.',
      pattern: URL_PATTERN,
      examples: ['https://auth.example.com'],
      optional: true,
    },
    {
      name: 'jwks_url',
      label: 'JWKS URL (optional, OpenID)',
      description: 'Where the server publishes the keys its ID tokens are signed with.',
      pattern: URL_PATTERN,
      examples: ['https://auth.example.com/.well-known/jwks.json'],
      kind: 'url',
      optional: true,
    },
    {
      name: 'client_auth',
      label: 'Client authentication',
      description:
        '“client_secret_basic” (HTTP Basic), “client_secret_post” (in the body), “private_key_jwt” (a signed assertion) or “none”.',
      pattern: 'client_secret_basic|client_secret_post|private_key_jwt|none',
      default: 'client_secret_basic',
      examples: ['client_secret_basic', 'client_secret_post'],
    },
    {
      name: 'scope_separator',
      label: 'Scope separator',
      description: '“space” (RFC 6749) or “comma”.',
      pattern: 'space|comma',
      default: 'space',
      examples: ['space', 'comma'],
    },
    {
      name: 'pkce',
      label: 'PKCE',
      description: '“yes” to send PKCE (S256), “no” for servers that reject it.',
      pattern: 'yes|no',
      default: 'yes',
      examples: ['yes', 'no'],
    },
  ],
  refreshToken: { issued: 'unknown', rotates: 'unknown' },
  scopes: [],
  presets: {},
  docs: {
    steps: [
      'Register a confidential web client at the server with the Redirect URL shown here.',
      'Enter its authorization and token endpoints, how it authenticates clients, and the client id and secret.',
      'Consumers then ask for explicit scopes (the catalog knows none for this server).',
    ],
  },
  quirks: 'custom',
});
