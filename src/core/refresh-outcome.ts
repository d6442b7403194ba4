import { descriptionOf, errorCodeOf, fieldAt, matchErrorMapping } from '../catalog/error-mappings.ts';
import type { OAuth2Provider } from '../catalog/provider.ts';
import {
  type HealthCause,
  type HealthEvidence,
  type HealthState,
  type RefreshOutcomeKind,
  safeDescription,
} from '../domain/connection-health.ts';
import { isConsentryError } from '../domain/errors.ts';
import { answerOf } from '../protocol/token-answer.ts';

/**
 * The one classification of refresh and exchange outcomes (issue 11), fed by provider data: the
 * entry's `errors` mappings decide first (documented codes, statuses, non-OAuth body fields), then
 * RFC 6749 §5.2 and HTTP semantics. No provider is named here.
 *
 * Order: a refreshed ID token naming another subject → `grant_dead`/`account_mismatch`; a
 * provider mapping; HTTP 429 → `transient`/`rate_limited` (with `Retry-After`); network errors,
 * timeouts and 5xx → `transient`/`provider_unavailable`; `invalid_grant` → `grant_dead` (`expired`
 * when the stored refresh-token lapse date has passed, else `revoked`); `interaction_required`,
 * `consent_required`, `login_required`, `account_selection_required` (OIDC Core §3.1.2.6) →
 * `grant_dead`/`consent_required`; `invalid_client` or an HTTP 401 challenge (RFC 6749 §5.2) →
 * `client_invalid`; `temporarily_unavailable`/`server_error` → transient; any other refusal → the
 * bounded `unknown_refusal`.
 *
 * `unauthorized_client` is deliberately not `client_invalid` by default: flagging a client pauses
 * every connection it has, so only `invalid_client` and documented mappings (Atlassian uses
 * `unauthorized_client` for a dead refresh token) may do that.
 */
export interface Classified {
  kind: Exclude<RefreshOutcomeKind, 'ok'>;
  cause: HealthCause;
  /** Evidence without the time and count (the caller stamps those). */
  evidence: Omit<HealthEvidence, 'at' | 'attempts' | 'retryAt'>;
  /** The provider's `Retry-After`, seconds. */
  retryAfterSeconds?: number | undefined;
}

export interface ClassifyContext {
  provider: Pick<OAuth2Provider, 'key' | 'errors'>;
  stage: 'refresh' | 'exchange';
  /** Values that must never appear in evidence (the refresh token, the client secret). */
  secrets?: readonly (string | undefined)[];
  /** The stored refresh-token lapse date, to tell `expired` from `revoked`. */
  refreshExpiresAt?: Date | undefined;
  now?: Date;
}

const CONSENT = new Set([
  'interaction_required',
  'consent_required',
  'login_required',
  'account_selection_required',
]);
const TRY_LATER = new Set(['temporarily_unavailable', 'server_error', 'slow_down']);

export function classifyRefusal(error: unknown, ctx: ClassifyContext): Classified {
  const e = isConsentryError(error) ? error : undefined;
  const answer = answerOf(error);
  const status = answer?.status ?? (typeof e?.facts.status === 'number' ? e.facts.status : undefined);
  const oauthError =
    (answer && errorCodeOf(answer)) ??
    (typeof e?.facts.oauthError === 'string' ? e.facts.oauthError : undefined);
  const body = answer?.body;
  const rawDescription =
    (answer && descriptionOf(answer)) ?? (typeof body?.message === 'string' ? body.message : undefined);
  const evidence: Classified['evidence'] = {
    provider: ctx.provider.key,
    stage: ctx.stage,
    ...(status !== undefined ? { status } : {}),
    ...(oauthError ? { error: oauthError.slice(0, 64) } : {}),
    ...(rawDescription ? { description: safeDescription(rawDescription, ctx.secrets) } : {}),
  };
  const retryAfterSeconds = answer?.retryAfterSeconds;
  const out = (
    kind: Classified['kind'],
    cause: HealthCause,
    extra: Partial<Classified['evidence']> = {},
  ) => ({
    kind,
    cause,
    evidence: { ...evidence, ...extra },
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });

  if (e?.code === 'ID_TOKEN_INVALID' && e.facts.reason === 'account_changed') {
    return out('grant_dead', 'account_mismatch', { description: e.message.slice(0, 300) });
  }
  if (answer) {
    const mapping = matchErrorMapping(ctx.provider, answer, ctx.stage);
    if (mapping) {
      const named = mapping.when.field ? fieldAt(body, mapping.when.field) : undefined;
      // A refresh token past its known lapse date expired, whatever word the provider uses.
      const cause = mapping.cause === 'revoked' && lapsed(ctx) ? 'expired' : mapping.cause;
      return out(mapping.outcome, cause, {
        docs: mapping.docs,
        ...(evidence.error === undefined && named ? { error: named.slice(0, 64) } : {}),
      });
    }
  }
  if (status === 429) return out('transient', 'rate_limited');
  if (
    !e ||
    e.code === 'PROVIDER_UNAVAILABLE' ||
    e.code === 'DISCOVERY_FAILED' ||
    (status !== undefined && status >= 500)
  )
    return out('transient', 'provider_unavailable');
  if (oauthError === 'invalid_grant') return out('grant_dead', lapsed(ctx) ? 'expired' : 'revoked');
  if (oauthError && CONSENT.has(oauthError)) return out('grant_dead', 'consent_required');
  if (oauthError === 'invalid_client') return out('client_invalid', 'client_invalid');
  if (oauthError && TRY_LATER.has(oauthError)) return out('transient', 'provider_unavailable');
  if (!oauthError && status === 401 && e.code === 'TOKEN_REQUEST_REJECTED')
    return out('client_invalid', 'client_invalid');
  if (
    (status !== undefined && status >= 400) ||
    ['TOKEN_REQUEST_REJECTED', 'TOKEN_RESPONSE_INVALID', 'ID_TOKEN_INVALID'].includes(e.code)
  ) {
    return out('unknown_refusal', 'refused', evidence.error ? {} : { error: e.code });
  }
  // Anything else (a storage hiccup, a bug) must not kill a grant: keep the token, back off.
  return out('transient', 'provider_unavailable');
}

/** Refusals that end a connection without a user (see classifyRegrant). */
const GRANT_REFUSALS = new Set(['unauthorized_client', 'invalid_scope', 'unsupported_grant_type']);

/**
 * The classification of a failed grant re-run for a connection without a user (client
 * credentials, RFC 6749 §4.4; JWT bearer, RFC 7523). The same rules as a code exchange
 * (`classifyRefusal` at stage `exchange`: provider mappings for `exchange`/`both`, 429 → pause the
 * client, 5xx/network → transient, `invalid_client`/401 → the client is flagged), plus:
 *
 * - `unauthorized_client` (RFC 6749 §5.2: "not authorized to use this authorization grant type"),
 *   `invalid_scope` (the scope or
 *   resource is not granted to the application; Microsoft AADSTS1002012/70011) and
 *   `unsupported_grant_type` → `grant_dead`/`grant_refused`: the connection goes `needs_reauth`
 *   at once, since repeating the same request cannot succeed. They are NOT `client_invalid`:
 *   flagging the client would also pause its authorization-code connections, which the provider
 *   may still serve. An administrator fixes the registration and requests a token again. (A
 *   documented provider mapping still decides first: Microsoft AADSTS700016 — the application is
 *   not in the tenant at all — is `client_invalid`.)
 * - `invalid_grant` for client credentials (there is no grant to be revoked) is `grant_refused`
 *   too; for JWT bearer it keeps the RFC 7523 §3.1 meaning (the assertion or its subject is
 *   refused: `grant_dead`/`revoked`).
 *
 * No classification here ever reads or needs a refresh token.
 */
export function classifyRegrant(
  error: unknown,
  ctx: Omit<ClassifyContext, 'stage' | 'refreshExpiresAt'> & { grantType: string },
): Classified {
  const c = classifyRefusal(error, { ...ctx, stage: 'exchange' });
  if (c.evidence.docs !== undefined) return c; // a documented provider mapping decided
  const code = c.evidence.error;
  const refused =
    code !== undefined &&
    (GRANT_REFUSALS.has(code) || (code === 'invalid_grant' && ctx.grantType === 'client_credentials'));
  if (refused && (c.kind === 'unknown_refusal' || c.kind === 'grant_dead'))
    return { ...c, kind: 'grant_dead', cause: 'grant_refused' };
  return c;
}

function lapsed(ctx: ClassifyContext): boolean {
  return ctx.refreshExpiresAt !== undefined && ctx.refreshExpiresAt <= (ctx.now ?? new Date());
}

/** A stamped health state from a classification. */
export function healthOf(c: Classified, at: Date, attempts: number, retryAt?: Date): HealthState {
  return {
    cause: c.cause,
    evidence: {
      ...c.evidence,
      at: at.toISOString(),
      attempts,
      ...(retryAt ? { retryAt: retryAt.toISOString() } : {}),
    },
  };
}

/** Whether two refusals are "the same" for the bounded retry of unknown refusals. */
export function sameRefusal(a: HealthState | undefined, c: Classified): boolean {
  return (
    a !== undefined &&
    a.cause === c.cause &&
    a.evidence.status === c.evidence.status &&
    a.evidence.error === c.evidence.error
  );
}
