import checkoutCom from './checkout-com.ts';
import { variantOf } from './shapes.ts';

/** Checkout.com's sandbox: the production entry with the sandbox token host. */
export default variantOf(checkoutCom, {
  key: 'checkout-com-sandbox',
  displayName: 'Checkout.com (Sandbox)',
  endpoints: { token: 'https://access.sandbox.checkout.com/connect/token' },
});
