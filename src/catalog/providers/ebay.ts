import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'ebay',
  displayName: 'eBay',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.ebay.com/oauth2/authorize',
    token: 'https://api.ebay.com/identity/v1/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: false,
    lifetimeDays: 540,
    notes: 'User access tokens last 2 hours; refresh tokens 18 months.',
  },
  scopes: [
    { name: 'https://api.ebay.com/oauth/api_scope', description: 'Public eBay data.' },
    {
      name: 'https://api.ebay.com/oauth/api_scope/sell.inventory',
      description: 'The seller’s inventory and offers.',
    },
    { name: 'https://api.ebay.com/oauth/api_scope/sell.fulfillment', description: 'The seller’s orders.' },
    {
      name: 'https://api.ebay.com/oauth/api_scope/commerce.identity.readonly',
      description: 'The user’s identity.',
    },
  ],
  presets: { login: ['https://api.ebay.com/oauth/api_scope/commerce.identity.readonly'] },
  docs: {
    registerUrl: 'https://developer.ebay.com/api-docs/static/oauth-authorization-code-grant.html',
    notes: [
      'eBay’s redirect_uri is the RuName of the app (created in the developer portal for your Redirect URL), not the URL itself: enter the RuName where eBay asks, and register Consentry’s Redirect URL as the RuName’s accept URL.',
    ],
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
    'The engine sends the Redirect URL as redirect_uri; eBay expects the RuName there — a quirk module is needed before this entry works against eBay.',
  ],
});
