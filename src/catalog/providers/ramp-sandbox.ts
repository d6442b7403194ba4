import ramp from './ramp.ts';
import { variantOf } from './shapes.ts';

/** Ramp’s sandbox environment: the production entry with the sandbox hosts. */
export default variantOf(ramp, {
  key: 'ramp-sandbox',
  displayName: 'Ramp (Sandbox)',
  endpoints: {
    authorization: 'https://demo.ramp.com/v1/authorize',
    token: 'https://demo-api.ramp.com/developer/v1/token',
  },
});
