import deel from './deel.ts';
import { variantOf } from './shapes.ts';

/** Deel’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(deel, {
  key: 'deel-sandbox',
  displayName: 'Deel (Sandbox)',
  endpoints: {
    authorization: 'https://demo.deel.com/oauth2/authorize',
    token: 'https://demo.deel.com/oauth2/tokens',
  },
});
