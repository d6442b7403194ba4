import { defineProvider } from '../provider.ts';

/** Log in with PayPal; the domain picks live or sandbox. */
export default defineProvider({
  key: 'paypal',
  displayName: 'PayPal',
  categories: ['payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.{domain}/signin/authorize',
    token: 'https://api-m.{domain}/v1/oauth2/token',
    userinfo: 'https://api-m.{domain}/v1/identity/oauth2/userinfo?schema=paypalv1.1',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  templates: [
    {
      name: 'domain',
      label: 'Environment',
      description: '“paypal.com” for live, “sandbox.paypal.com” for the sandbox.',
      pattern: 'paypal\\.com|sandbox\\.paypal\\.com',
      default: 'paypal.com',
      examples: ['paypal.com', 'sandbox.paypal.com'],
    },
  ],
  refreshToken: { issued: 'always', rotates: false },
  scopes: [
    { name: 'email', description: 'Email address.' },
    { name: 'profile', description: 'Name.' },
  ],
  presets: { login: ['email', 'profile'] },
  docs: { registerUrl: 'https://developer.paypal.com/dashboard/applications' },
  uncertain: [
    'Access and refresh-token lifetimes are not documented for Log in with PayPal.',
    'The openid scope (which adds an ID token) is left out; whether PayPal requires it is unclear.',
  ],
});
