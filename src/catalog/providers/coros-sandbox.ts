import coros from './coros.ts';
import { variantOf } from './shapes.ts';

/** Coros’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(coros, {
  key: 'coros-sandbox',
  displayName: 'Coros (Sandbox)',
  endpoints: {
    authorization: 'https://opentest.coros.com/oauth2/authorize',
    token: 'https://opentest.coros.com/oauth2/accesstoken',
    refresh: 'https://opentest.coros.com/oauth2/refresh-token',
  },
});
