import { defineProvider } from '../provider.ts';

/** The application's RuName (eBay Redirect URL name), sent where OAuth puts redirect_uri. */
export const RU_NAME = {
  name: 'ru_name',
  label: 'RuName',
  description:
    'The RuName eBay created for your application’s Redirect URL (developer portal → User Tokens → “Get a Token from eBay via Your Application”); eBay takes it in place of the Redirect URL.',
  pattern: '[A-Za-z0-9][A-Za-z0-9_-]{2,127}',
  examples: ['Acme_Inc-AcmeSell-PRD-1a2b3c4d5-6e7f8a9b'],
};

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
  templates: [RU_NAME],
  quirks: 'ebay',
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
    'eBay’s refresh request is shown with a `scope` parameter; Consentry sends none, which RFC 6749 §6 reads as the scopes first granted.',
  ],
});
