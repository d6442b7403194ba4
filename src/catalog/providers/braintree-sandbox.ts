import braintree from './braintree.ts';
import { variantOf } from './shapes.ts';

/** Braintree’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(braintree, {
  key: 'braintree-sandbox',
  displayName: 'Braintree (Sandbox)',
  endpoints: {
    authorization: 'https://api.sandbox.braintreegateway.com/oauth/connect',
    token: 'https://api.sandbox.braintreegateway.com/oauth/access_tokens',
  },
});
