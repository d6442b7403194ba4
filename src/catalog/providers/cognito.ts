import { defineProvider } from '../provider.ts';

/** Amazon Cognito user pools (hosted UI / managed login). */
export default defineProvider({
  key: 'cognito',
  displayName: 'Amazon Cognito',
  categories: ['iam'],
  protocol: 'oidc',
  issuer: 'https://cognito-idp.{region}.amazonaws.com/{user_pool_id}',
  endpoints: {
    authorization: 'https://{domain}/oauth2/authorize',
    token: 'https://{domain}/oauth2/token',
    revocation: 'https://{domain}/oauth2/revoke',
    userinfo: 'https://{domain}/oauth2/userInfo',
    jwks: 'https://cognito-idp.{region}.amazonaws.com/{user_pool_id}/.well-known/jwks.json',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    {
      name: 'domain',
      label: 'User pool domain',
      description: 'The Cognito domain or your custom domain for the user pool.',
      pattern: '[a-z0-9-]+(\\.[a-z0-9-]+)+',
      examples: ['acme.auth.eu-west-1.amazoncognito.com', 'login.example.com'],
      kind: 'host',
    },
    {
      name: 'region',
      label: 'Region',
      description: 'The AWS region of the user pool.',
      pattern: '[a-z]{2}(-[a-z]+)+-\\d',
      examples: ['eu-west-1', 'us-east-1'],
    },
    {
      name: 'user_pool_id',
      label: 'User pool id',
      description: 'The user pool id, such as eu-west-1_AbC123xyZ.',
      pattern: '[a-z]{2}(-[a-z]+)+-\\d_[A-Za-z0-9]+',
      examples: ['eu-west-1_AbC123xyZ'],
    },
  ],
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    notes: 'Lifetimes are set per app client (refresh tokens 30 days by default); rotation is optional.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'email', description: 'Email address.' },
    { name: 'profile', description: 'Name and profile.' },
  ],
  presets: { login: ['openid', 'email', 'profile'] },
  docs: { registerUrl: 'https://console.aws.amazon.com/cognito/home' },
});
