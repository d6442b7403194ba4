import { variantOf } from './shapes.ts';
import signnow from './signnow.ts';

/** SignNow’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(signnow, {
  key: 'signnow-sandbox',
  displayName: 'SignNow (Sandbox)',
  endpoints: {
    authorization: 'https://app-eval.signnow.com/authorize',
    token: 'https://api-eval.signnow.com/oauth2/token',
  },
});
