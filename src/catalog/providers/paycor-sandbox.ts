import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'paycor-sandbox',
  displayName: 'Paycor (Sandbox)',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://hcm-demo.paycor.com/AppActivation/Authorize',
    token: 'https://apis-sandbox.paycor.com/sts/v1/common/token?subscription-key={subscription_key}',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    'subscription-key': '{subscription_key}',
  },
  templates: [
    {
      name: 'subscription_key',
      label: 'APIm subscription key',
      description:
        'The subscription key of your Paycor developer portal account (sent as a parameter, not a secret of the user).',
      pattern: '[A-Za-z0-9]+',
      examples: ['0123456789abcdef0123456789abcdef'],
    },
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'offline_access',
      description: 'A refresh token, to keep access while the user is away.',
    },
  ],
  docs: {
    registerUrl: 'https://developers.paycor.com/guides',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
