import { variantOf } from './shapes.ts';
import stripeApp from './stripe-app.ts';

/** Stripe App’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(stripeApp, {
  key: 'stripe-app-sandbox',
  displayName: 'Stripe App (Sandbox)',
  endpoints: {
    authorization: 'https://marketplace.stripe.com/oauth/v2/{app_domain}/authorize',
    token: 'https://api.stripe.com/v1/oauth/token',
  },
  templates: [
    {
      name: 'app_domain',
      label: 'Sandbox id',
      description: 'The sandbox’s path segment from the app’s test install link.',
      pattern: '[A-Za-z0-9_-]+',
      examples: ['acct_1Nv0FGQ9RKHgCVdK'],
    },
  ],
});
