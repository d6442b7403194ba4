import ebay from './ebay.ts';
import { variantOf } from './shapes.ts';

/** eBay’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(ebay, {
  key: 'ebay-sandbox',
  displayName: 'eBay (Sandbox)',
  endpoints: {
    authorization: 'https://auth.sandbox.ebay.com/oauth2/authorize',
    token: 'https://api.sandbox.ebay.com/identity/v1/oauth2/token',
  },
});
