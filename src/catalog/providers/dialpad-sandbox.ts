import dialpad from './dialpad.ts';
import { variantOf } from './shapes.ts';

/** Dialpad’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(dialpad, {
  key: 'dialpad-sandbox',
  displayName: 'Dialpad (Sandbox)',
  endpoints: {
    authorization: 'https://sandbox.dialpad.com/oauth2/authorize',
    token: 'https://sandbox.dialpad.com/oauth2/token',
  },
});
