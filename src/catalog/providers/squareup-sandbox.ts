import { variantOf } from './shapes.ts';
import squareup from './squareup.ts';

/** Squareup’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(squareup, {
  key: 'squareup-sandbox',
  displayName: 'Squareup (Sandbox)',
  endpoints: {
    authorization: 'https://connect.squareupsandbox.com/oauth2/authorize',
    token: 'https://connect.squareupsandbox.com/oauth2/token',
  },
});
