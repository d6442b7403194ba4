import { ConsentryError } from '../domain/errors.ts';
import { serviceAccountGrant, serviceAccountOf } from '../protocol/service-account.ts';
import type { Regrant } from './regrant.ts';

/**
 * The `jwt_bearer` strategy (RFC 7523 §2.1) for connections without a user made by a Google
 * service account (src/protocol/service-account.ts): the stored request names the user to act as
 * (`subject`, domain-wide delegation; absent = the account itself) and the scopes; each run opens
 * the client's sealed key, signs a fresh assertion (iat = the engine's clock, exp = iat + 1 h) and
 * asks the token endpoint. The engine (src/core/oauth2-client.ts) runs it for the first token and,
 * under the refresh lease, before every expiry — so one token request per expiry across instances,
 * and tokens are cached per (key, subject, scopes) as the connection's tokens.
 *
 * Errors: CLIENT_INVALID (not a service account / no stored key), SCOPES_INVALID (no scope), and
 * the grant's (TOKEN_REQUEST_REJECTED with Google's refusal explained, PROVIDER_UNAVAILABLE …).
 */
export const serviceAccountRegrant: Regrant = async ({ session, request, client, store, now }) => {
  if (!serviceAccountOf(client))
    throw new ConsentryError('CLIENT_INVALID', {
      detail: `“${client.name}” is not a service account: the JWT bearer grant needs its JSON key.`,
      facts: { client: client.id },
    });
  const subject = typeof request.subject === 'string' && request.subject ? request.subject : undefined;
  const privateJwk = client.hasClientKey ? await store.clients.keyOf(client.id) : undefined;
  const result = await serviceAccountGrant(session, {
    privateJwk,
    subject,
    scopes: request.scopes,
    now: Math.floor(now.getTime() / 1000),
  });
  return { ...result, requestedScopes: request.scopes };
};
