import { variantOf } from './shapes.ts';
import tremendous from './tremendous.ts';

/** Tremendous’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(tremendous, {
  key: 'tremendous-sandbox',
  displayName: 'Tremendous (Sandbox)',
  endpoints: {
    authorization: 'https://testflight.tremendous.com/oauth/authorize',
    token: 'https://testflight.tremendous.com/oauth/token',
  },
});
