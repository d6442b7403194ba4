import { ConsentryError } from '../../domain/errors.ts';
import type { ProviderQuirks } from './quirk.ts';

/**
 * Microsoft identity platform v2.0. The issuer of an ID token is
 * `https://login.microsoftonline.com/{tid}/v2.0` where `tid` is the user's tenant, so for the
 * multi-tenant endpoints (`common`, `organizations`, `consumers`) the expected issuer is built from
 * the token's own `tid` — after checking that this tenant may sign in at all:
 *
 * - a configured tenant id: `tid` must be exactly it (a token from another tenant is refused);
 * - `consumers`: only the personal-accounts tenant;
 * - `organizations`: any work or school tenant, never the personal-accounts tenant;
 * - `common` or a verified domain (`contoso.onmicrosoft.com`): any tenant; for a domain the token
 *   endpoint is already tenant-specific.
 * @see https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference
 */
export const CONSUMERS_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const microsoftQuirks: ProviderQuirks = {
  idTokenIssuer(claims, ctx) {
    const tid = claims.tid;
    const tenant = (ctx.client.templateValues.tenant ?? 'common').toLowerCase();
    const refuse = (why: string) =>
      new ConsentryError('ID_TOKEN_INVALID', {
        detail: `microsoft: ${why}`,
        facts: { provider: ctx.provider.key, reason: 'tenant' },
      });
    if (typeof tid !== 'string' || !GUID.test(tid)) throw refuse('the ID token has no tenant id (tid).');
    const t = tid.toLowerCase();
    if (GUID.test(tenant) && t !== tenant) throw refuse('the ID token was issued by another tenant.');
    if (tenant === 'consumers' && t !== CONSUMERS_TENANT_ID)
      throw refuse('only personal Microsoft accounts may sign in here.');
    if (tenant === 'organizations' && t === CONSUMERS_TENANT_ID)
      throw refuse('only work or school accounts may sign in here.');
    return `https://login.microsoftonline.com/${t}/v2.0`;
  },
};
