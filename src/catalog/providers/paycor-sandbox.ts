import paycor from './paycor.ts';
import { variantOf } from './shapes.ts';

/** Paycor's sandbox: the production entry with the demo and sandbox hosts. */
export default variantOf(paycor, {
  key: 'paycor-sandbox',
  displayName: 'Paycor (Sandbox)',
  endpoints: {
    authorization: 'https://hcm-demo.paycor.com/AppActivation/Authorize',
    token: 'https://apis-sandbox.paycor.com/sts/v1/common/token?subscription-key={subscription_key}',
  },
});
