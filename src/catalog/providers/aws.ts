import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'aws',
  displayName: 'AWS',
  categories: ['dev-tools', 'e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.auth.{extension}.amazoncognito.com/oauth2/authorize',
    token: 'https://{subdomain}.auth.{extension}.amazoncognito.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    subdomain(
      'subdomain',
      'Cognito domain prefix',
      'The prefix of your user pool’s Cognito domain (the “acme” of acme.auth.eu-west-1.amazoncognito.com).',
      'acme',
    ),
    {
      name: 'extension',
      label: 'Region',
      description: 'The AWS region of the user pool, such as eu-west-1.',
      pattern: '[a-z]{2}(?:-gov)?-[a-z]+-[0-9]',
      examples: ['eu-west-1'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'openid',
      description: 'Sign in (OpenID Connect).',
    },
  ],
  presets: {
    login: ['openid'],
  },
  docs: {
    registerUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
  // Needs `openid` for its API; the ID token is not verified here (no JWKS in the entry).
  quirks: 'ignore-id-token',
});
