import { Egress } from '../../src/egress/egress.ts';
import { parseEgressAllow } from '../../src/egress/policy.ts';

/**
 * The egress module with loopback opened, as an operator would with `EGRESS_ALLOW=127.0.0.0/8,::1,localhost`:
 * tests' real peers (oidc-provider, stand-ins, mail servers) listen on loopback.
 */
export const LOOPBACK_ALLOW = '127.0.0.0/8,::1,localhost';
export const loopbackEgress = new Egress({ rules: parseEgressAllow(LOOPBACK_ALLOW), trustedOrigins: [] });
export const loopbackFetch = loopbackEgress.fetch as (url: string, init: RequestInit) => Promise<Response>;
