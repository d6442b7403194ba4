import { EventEmitter } from 'node:events';
import * as oauth from 'oauth4webapi';
import type { ProviderRegistry } from '../catalog/registry.ts';
import type { AuditActor } from '../domain/audit.ts';
import type { Connection, ConnectionGrant, Flow, RegisteredClient } from '../domain/connection.ts';
import { describeHealth, type HealthState } from '../domain/connection-health.ts';
import { ConsentryError, isConsentryError } from '../domain/errors.ts';
import { assertSameSitePath, withQuery } from '../domain/safe-path.ts';
import { OAuth2Token, splitScope } from '../domain/token.ts';
import { type DpopKey, generateDpopKey, loadDpopKey, signDpopProof } from '../protocol/dpop.ts';
import {
  buildAuthorizationUrl,
  exchangeCode,
  fetchUserInfo,
  refreshAccessToken,
  revokeToken,
  validateAuthorizationResponse,
} from '../protocol/grant.ts';
import {
  openProviderSession,
  type ProtocolSettings,
  type ProviderSession,
} from '../protocol/provider-session.ts';
import type { ClaimedConnection, Store, TokenFields, UsableToken } from '../storage/ports.ts';
import type { AuditTrail } from './audit-trail.ts';
import { ClaimSessions } from './claim-sessions.ts';
import type { ClientEvent, ConnectionEvent, ConsumerRegistry, FlowFailedEvent } from './consumers.ts';
import { random256, sha256 } from './random.ts';
import { RefreshCoordinator, type RefreshOutcome, type RefreshProgress } from './refresh-coordinator.ts';
import { type Classified, classifyRefusal, classifyRegrant, healthOf } from './refresh-outcome.ts';
import {
  grantKeyOf,
  normalizeGrantRequest,
  type Regrant,
  type RegrantResult,
  regrantFor,
} from './regrant.ts';

/**
 * The grant engine (seed 004's OAuth2Client): provider- and feature-agnostic.
 *
 * beginConsent → consent URL; handleCallback → where to send the browser; ensureFresh → a valid
 * access token. Everything secret stays in the store, sealed; features get tokens, never secrets.
 */
export interface OAuth2ClientOptions {
  store: Store;
  providers: ProviderRegistry;
  consumers: ConsumerRegistry;
  /** `${PUBLIC_BASE_URL}/oauth/callback`, from configuration, never from a Host header. */
  redirectUri: string;
  protocol: ProtocolSettings;
  skewSeconds?: number;
  flowTtlSeconds?: number;
  instanceId?: string;
  leaseMs?: number;
  maxLeaseWaitMs?: number;
  now?: () => Date;
  /** Test hook for the crash suite: runs between the provider's answer and the write. */
  beforeRefreshCommit?: (c: Connection) => Promise<void> | void;
  /**
   * Maps a flow's return path (success or cancel) to the public path the browser is sent to,
   * by purpose. The composition root uses it to put the console's and built-in consumers' pages
   * under the mount prefix; a host's own consumers return host paths, left as they are.
   * Default: the path unchanged.
   */
  publicReturnPath?: (path: string, purpose: string) => string;
  /**
   * Issue 10: consents, reconnects and refresh failures that mark a connection `needs_reauth`
   * are recorded here. `actorOfFlow` names who started a flow from its payload (the console puts
   * the user's id there); without it the actor is the flow's `payload.userId` or the browser.
   */
  audit?: AuditTrail | undefined;
  actorOfFlow?: ((payload: Record<string, unknown>) => Promise<AuditActor | undefined>) | undefined;
  /**
   * A durable record of every connection event (the webhook outbox), awaited before listeners
   * run and before the call that caused the event returns — so a crash after the answer cannot
   * lose it. A failing recorder is reported to `onRecordError`, never to the caller (the token
   * operation itself succeeded).
   */
  recordEvent?: (event: ConnectionEvent) => Promise<void>;
  onRecordError?: (error: unknown, event: ConnectionEvent) => void;
  /**
   * Grant strategies for connections without a user, for this instance only (src/core/regrant.ts);
   * they take precedence over those plugged in with `registerRegrant`. `client_credentials` is
   * built in.
   */
  regrants?: Partial<Record<ConnectionGrant, Regrant>> | undefined;
}

/** `connectClientCredentials`: the registered client's own token (RFC 6749 §4.4). */
export interface ConnectClientCredentialsOptions {
  /** The registered client's id (its provider must list `client_credentials` in `grants`). */
  client: string;
  /** The consumer the connection belongs to (a registered purpose). */
  purpose: string;
  /**
   * Scopes to request (RFC 6749 §3.3 characters); none = the provider entry's
   * `clientCredentials.defaultScopes` (Microsoft: `https://graph.microsoft.com/.default`).
   */
  scopes?: readonly string[] | undefined;
  /**
   * Extra token-request parameters (an RFC 8707 `resource`, an `audience`), added to the entry's
   * `clientCredentials.tokenParams`. Not secrets: stored in clear beside the connection.
   */
  params?: Record<string, string> | undefined;
  /** Stored with the connection, handed to its consumer's events. Not part of the identity. */
  payload?: Record<string, unknown> | undefined;
  /** Who asked (recorded in the audit trail); default the system. */
  actor?: AuditActor | undefined;
}

/** `connectWithGrant`: the generic form every grant without a user goes through. */
export interface ConnectWithGrantOptions {
  client: string;
  grantType: Exclude<ConnectionGrant, 'authorization_code'>;
  purpose: string;
  /** The grant's inputs: `scopes`, `params`, and any other non-secret input its strategy reads. */
  request: { scopes?: readonly string[] | undefined; params?: Record<string, string> | undefined } & Record<
    string,
    unknown
  >;
  payload?: Record<string, unknown> | undefined;
  actor?: AuditActor | undefined;
  /** Who the connection acts as, shown like a consented account (a service account's subject). */
  account?: string | undefined;
}

/**
 * `connectServiceAccount`: a Google service account's token, as a user of its Workspace domain
 * (domain-wide delegation) or as itself (src/protocol/service-account.ts).
 */
export interface ConnectServiceAccountOptions {
  /** The registered client holding the account's key (`consentry clients create --service-account-key`). */
  client: string;
  /** The user to impersonate (an address of the domain); absent = the service account itself. */
  subject?: string | undefined;
  /** At least one scope (Google requires one), each delegated to the account's client ID. */
  scopes: readonly string[];
  purpose: string;
  payload?: Record<string, unknown> | undefined;
  actor?: AuditActor | undefined;
}

export interface BeginConsentOptions {
  /** A provider key (when exactly one client is registered for it) … */
  provider?: string;
  /** … or the id of a registered client. */
  client?: string;
  /** Explicit scopes; or `preset`. Neither = the provider's `login` preset, else none. */
  scopes?: readonly string[];
  preset?: string;
  purpose: string;
  payload?: Record<string, unknown>;
  /** Same-site path for cancel and errors. */
  returnUrl: string;
  /** The browser session id that must come back with the callback. */
  session: string;
  /** Re-consent for an existing connection (status needs_reauth or a scope change). */
  reconnect?: string;
}

const MAX_PARAM_LENGTH = 4096;
const SINGLE_PARAMS = ['code', 'state', 'iss', 'error', 'error_description'];

export class OAuth2Client {
  /**
   * Typed events: `connection` (ConnectionEvent: refreshed, refresh_failed, needs_reauth, lapsing,
   * reconnect_refused, outreach_created, reconnected) and `client` (ClientEvent: client_invalid,
   * rate_limited), and `flow_failed` (FlowFailedEvent: a flow ended without a connection). Causes use the vocabulary of src/domain/connection-health.ts.
   */
  readonly events = new EventEmitter<{
    connection: [ConnectionEvent];
    client: [ClientEvent];
    flow_failed: [FlowFailedEvent];
  }>();
  readonly #o: OAuth2ClientOptions;
  readonly #skew: number;
  readonly #coordinator: RefreshCoordinator;
  readonly #now: () => Date;
  readonly #claimSessions = new ClaimSessions();

  constructor(options: OAuth2ClientOptions) {
    this.#o = options;
    this.#skew = options.skewSeconds ?? 60;
    this.#now = options.now ?? (() => new Date());
    this.#coordinator = new RefreshCoordinator({
      connections: options.store.connections,
      // One coordinator for every grant: a consented connection uses its refresh token, a
      // connection without a user runs its grant again (src/core/regrant.ts).
      refresher: (c, rt, claim) => (withoutUser(c) ? this.#callRegrant(c) : this.#callRefresh(c, rt!, claim)),
      ...(options.instanceId ? { instanceId: options.instanceId } : {}),
      ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
      ...(options.maxLeaseWaitMs ? { maxWaitMs: options.maxLeaseWaitMs } : {}),
      now: this.#now,
      ...(options.beforeRefreshCommit ? { beforeCommit: options.beforeRefreshCommit } : {}),
      onRefreshed: (c) =>
        this.#emit({ type: 'refreshed', connectionId: c.id, purpose: c.purpose, expiresAt: c.expiresAt }),
      onFailed: (c, e, nextAttemptAt, health) =>
        this.#emit({
          type: 'refresh_failed',
          connectionId: c.id,
          purpose: c.purpose,
          error: e.code,
          nextAttemptAt,
          cause: health.cause,
          evidence: health.evidence,
        }),
      onNeedsReauth: async (c, reason, health) => {
        await this.#emit({
          type: 'needs_reauth',
          connectionId: c.id,
          purpose: c.purpose,
          reason,
          cause: health.cause,
          evidence: health.evidence,
        });
        await options.audit?.record({
          action: 'connection.needs_reauth',
          actor: { kind: 'system', label: 'refresh' },
          target: { type: 'connection', id: c.id },
          details: {
            provider: c.providerKey,
            purpose: c.purpose,
            cause: health.cause,
            reason: reason.slice(0, 200),
          },
        });
      },
      classify: (c, error, refreshToken) => {
        const provider = this.#o.providers.has(c.providerKey)
          ? this.#o.providers.get(c.providerKey)
          : { key: c.providerKey, errors: [] };
        if (withoutUser(c))
          return classifyRegrant(error, {
            provider,
            grantType: c.grantType,
            secrets: [c.accessToken],
            now: this.#now(),
          });
        return classifyRefusal(error, {
          provider,
          stage: 'refresh',
          secrets: [refreshToken, c.accessToken],
          refreshExpiresAt: c.refreshExpiresAt,
          now: this.#now(),
        });
      },
      onClientRefused: (c, health) => {
        this.#claimSessions.forget(c.clientRef);
        return this.#flagClient(c.clientRef, c.providerKey, health, c);
      },
      onRateLimited: async (c, until, health) => {
        this.#claimSessions.forget(c.clientRef);
        if (await this.#o.store.clients.pauseUntil(c.clientRef, until, health))
          this.events.emit('client', {
            type: 'rate_limited',
            clientRef: c.clientRef,
            providerKey: c.providerKey,
            cause: 'rate_limited',
            until,
            evidence: health.evidence,
          });
      },
    });
  }

  get redirectUri(): string {
    return this.#o.redirectUri;
  }

  /** Starts an authorization-code flow and returns the provider's consent URL. */
  async beginConsent(options: BeginConsentOptions): Promise<string> {
    const returnUrl = assertSameSitePath(options.returnUrl);
    this.#o.consumers.get(options.purpose); // unknown purpose fails now, not after the user consented
    if (!options.session || options.session.length < 16) {
      throw new ConsentryError('BAD_REQUEST', {
        detail: 'A browser session id is required to bind the flow.',
      });
    }
    const client = await this.#registerIfNeeded(await this.#resolveClient(options));
    const session = await this.#session(client);
    const scopes = this.#scopesFor(session, options);
    const isOidc = session.provider.protocol === 'oidc' && scopes.includes('openid');

    const state = random256();
    const codeVerifier = session.usePkce ? oauth.generateRandomCodeVerifier() : undefined;
    const nonce = isOidc ? oauth.generateRandomNonce() : undefined;
    const now = this.#now();
    // Abandoned flows (the user never came back) are swept here: an indexed delete on expiry.
    await this.#o.store.flows.deleteExpired(now);
    await this.#o.store.flows.create(
      {
        stateHash: sha256(state),
        sessionHash: sha256(options.session),
        clientRef: client.id,
        purpose: options.purpose,
        payload: options.payload ?? {},
        returnUrl,
        codeVerifier,
        nonce,
        expectedIssuer: session.as.issuer,
        scopes,
        reconnectRef: options.reconnect,
        expiresAt: new Date(now.getTime() + (this.#o.flowTtlSeconds ?? 600) * 1000),
      },
      now,
    );
    const url = await buildAuthorizationUrl(session, {
      redirectUri: this.#o.redirectUri,
      scopes,
      state,
      codeVerifier,
      nonce,
    });
    return url.href;
  }

  /**
   * Handles the one callback. Returns the same-site path to redirect the browser to.
   * Throws ConsentryError for every refused case; the flow is consumed whenever one was found.
   */
  async handleCallback(
    url: URL | string,
    session: string | undefined,
    context: { address?: string | undefined } = {},
  ): Promise<string> {
    const params = (typeof url === 'string' ? new URL(url, 'http://callback.invalid') : url).searchParams;
    const states = params.getAll('state');
    if (states.length === 0 || !states[0]) throw new ConsentryError('CALLBACK_PARAMETER_MISSING');
    if (states.length > 1)
      throw new ConsentryError('CALLBACK_PARAMETER_DUPLICATED', { facts: { parameter: 'state' } });
    const state = states[0];
    if (state.length > MAX_PARAM_LENGTH)
      throw new ConsentryError('CALLBACK_PARAMETER_TOO_LARGE', { facts: { parameter: 'state' } });
    // The flow is consumed before any other check, so a refused callback also ends its flow.
    const flow = await this.#o.store.flows.consume(sha256(state));
    if (!flow) throw new ConsentryError('FLOW_UNKNOWN');
    try {
      return await this.#completeFlow(flow, params, state, session, context);
    } catch (cause) {
      // Whoever started the flow elsewhere (`consentry connect` polling in a terminal) hears of
      // the failure now, with its code, instead of waiting for a connection that will not come.
      const error = isConsentryError(cause)
        ? cause
        : new ConsentryError('INTERNAL', { cause, facts: { purpose: flow.purpose } });
      this.events.emit('flow_failed', {
        type: 'flow_failed',
        purpose: flow.purpose,
        payload: flow.payload,
        error: error.code,
        message: error.message,
      });
      throw cause;
    }
  }

  async #completeFlow(
    flow: Flow,
    params: URLSearchParams,
    state: string,
    session: string | undefined,
    context: { address?: string | undefined },
  ): Promise<string> {
    assertCallbackParams(params, SINGLE_PARAMS);
    if (flow.expiresAt <= this.#now()) throw new ConsentryError('FLOW_EXPIRED');
    if (!session || sha256(session) !== flow.sessionHash) throw new ConsentryError('FLOW_SESSION_MISMATCH');

    const error = params.get('error');
    if (error !== null || !params.has('code')) {
      const q: Record<string, string> = { oauth: 'cancelled' };
      // Only an OAuth error code's own characters (RFC 6749 §4.1.2.1) travel on.
      const code = error?.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '').slice(0, 64);
      if (code && code !== 'access_denied') q.oauth_error = code;
      this.events.emit('flow_failed', {
        type: 'flow_failed',
        purpose: flow.purpose,
        payload: flow.payload,
        error: 'FLOW_CANCELLED',
        message: `The provider ended the flow without a code${code ? ` (${code})` : ''}.`,
      });
      return this.#publicPath(withQuery(flow.returnUrl, q), flow.purpose);
    }

    const client = await this.#client(flow.clientRef);
    let providerSession = await this.#session(client);
    if (flow.expectedIssuer && providerSession.as.issuer !== flow.expectedIssuer) {
      throw new ConsentryError('ISSUER_MISMATCH', { facts: { provider: client.providerKey } });
    }
    const validated = validateAuthorizationResponse(providerSession, params, state);
    const kept = keptCallbackParams(providerSession, params);
    // A per-user token host (Zoho `accounts-server`): checked against the entry's list before any
    // request; the exchange, and later this connection's refreshes and revocation, go there.
    const hostParam = providerSession.provider.tokenHost?.param;
    const tokenHost = hostParam ? params.get(hostParam) : null;
    if (hostParam && tokenHost !== null) {
      assertCallbackParams(params, [hostParam]);
      providerSession = await this.#session(client, tokenHost);
    }
    const isOidc = flow.nonce !== undefined;
    const dpop = providerSession.useDpop
      ? await generateDpopKey(
          providerSession.oauthClient,
          providerSession.as.dpop_signing_alg_values_supported,
        )
      : undefined;
    const grant = await this.#exchange(providerSession, {
      callbackParams: validated,
      redirectUri: this.#o.redirectUri,
      codeVerifier: flow.codeVerifier,
      nonce: flow.nonce,
      requireIdToken: isOidc,
      dpop,
    });
    // Keep the key only when the server did bind the tokens to it (RFC 9449 §5: token_type DPoP).
    const boundKey = dpop && grant.response.token_type.toLowerCase() === 'dpop' ? dpop : undefined;
    const issued = this.#tokenFrom(providerSession, grant.response, grant.idTokenClaims, flow.scopes);
    const token = kept ? new OAuth2Token({ ...issued, extras: { ...issued.extras, ...kept } }) : issued;
    const consumer = this.#o.consumers.get(flow.purpose);
    const profile = await this.#profileOf(providerSession, token, boundKey);

    let connection: Connection | undefined;
    if (consumer.keepsConnection !== false) {
      const fields: TokenFields = {
        ...tokenFields(token),
        ...refreshExpiryOf(providerSession, grant.response, this.#now()),
        tokenHost: providerSession.tokenHost ?? null,
        dpopKey: boundKey?.json ?? null,
      };
      if (flow.reconnectRef) {
        const existing = await this.#o.store.connections.get(flow.reconnectRef);
        if (!existing)
          throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: flow.reconnectRef } });
        if (!sameAccount(existing, profile, token.extras, providerSession.provider.accountFields)) {
          // Another account signed in: the stored connection (tokens, subject, label) stays as it was.
          this.#emit({
            type: 'reconnect_refused',
            connectionId: existing.id,
            purpose: existing.purpose,
            cause: 'account_mismatch',
          });
          return withQuery(flow.returnUrl, {
            oauth: 'account_mismatch',
            connection: existing.id,
            client: existing.clientRef,
          });
        }
        await this.#o.store.connections.replaceTokens(flow.reconnectRef, fields, this.#now());
        connection = await this.#o.store.connections.get(flow.reconnectRef);
        if (connection && existing.status !== 'active')
          await this.publish({
            type: 'reconnected',
            connectionId: connection.id,
            purpose: connection.purpose,
          });
      } else {
        const claims = profile;
        connection = await this.#o.store.connections.insert(
          {
            ...fields,
            clientRef: client.id,
            providerKey: client.providerKey,
            purpose: flow.purpose,
            payload: flow.payload,
            account: accountOf(claims),
            subject: typeof claims?.sub === 'string' ? claims.sub : undefined,
            issuer: typeof claims?.iss === 'string' ? claims.iss : undefined,
          },
          this.#now(),
        );
      }
    }
    let successPath: string;
    try {
      successPath = assertSameSitePath(
        await consumer.onTokenGranted(token, flow.payload, {
          connection,
          sessionHash: flow.sessionHash,
          providerKey: client.providerKey,
          profile,
        }),
        'success path',
      );
    } catch (cause) {
      // Nothing half-stored: a connection its feature could not take is removed again.
      if (connection && !flow.reconnectRef) await this.#o.store.connections.delete(connection.id);
      throw isConsentryError(cause)
        ? cause
        : new ConsentryError('CONSUMER_FAILED', { cause, facts: { purpose: flow.purpose } });
    }
    if (connection && this.#o.audit) {
      const named = await this.#o.actorOfFlow?.(flow.payload).catch(() => undefined);
      const userId = typeof flow.payload.userId === 'string' ? flow.payload.userId : undefined;
      const actor: AuditActor = named ?? {
        kind: userId ? 'user' : 'system',
        ...(userId ? { id: userId } : {}),
        label: userId ?? 'browser session',
      };
      await this.#o.audit.record({
        action: flow.reconnectRef ? 'connection.reconnect' : 'connection.consent',
        actor: { ...actor, ...(context.address ? { address: context.address } : {}) },
        target: { type: 'connection', id: connection.id },
        details: {
          provider: client.providerKey,
          client: client.id,
          purpose: flow.purpose,
          account: connection.account ?? null,
          scopes: connection.scopes.join(' '),
        },
      });
    }
    // After the consumer took it: a connection its feature refused never existed for listeners.
    if (connection && !flow.reconnectRef)
      await this.publish({ type: 'created', connectionId: connection.id, purpose: connection.purpose });
    return this.#publicPath(successPath, flow.purpose);
  }

  #publicPath(path: string, purpose: string): string {
    return this.#o.publicReturnPath ? this.#o.publicReturnPath(path, purpose) : path;
  }

  /**
   * A token valid for at least `skewSeconds` (default 60). Hot path: one indexed read + one AEAD
   * open. The refresh token is never handed out: it stays sealed in the store.
   */
  async ensureFresh(
    connection: string | { id: string },
    options: { skewSeconds?: number } = {},
  ): Promise<OAuth2Token> {
    const id = typeof connection === 'string' ? connection : connection.id;
    const skew = options.skewSeconds ?? this.#skew;
    const c = await this.#o.store.connections.getUsable(id);
    if (!c) throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: id } });
    if (c.status === 'active' && !this.#expiring(c, skew)) return tokenOf(c);
    const outcome = await this.#coordinator.refresh(id, (x) => !this.#expiring(x, skew));
    return tokenOf(outcome.connection);
  }

  /**
   * What a feature sends with one request to the provider's API: a fresh access token in
   * `authorization` (`Bearer …`, or `DPoP …` for DPoP-bound tokens) and, for those, the `dpop`
   * proof header signed for this method and URL (RFC 9449 §7.1). `nonce`: the resource server's
   * `DPoP-Nonce`, when it asked for one (§9).
   * @throws CONNECTION_UNKNOWN, CONNECTION_NEEDS_REAUTH (as `ensureFresh`).
   */
  async requestHeaders(
    connection: string | { id: string },
    request: { method: string; url: string | URL; nonce?: string | undefined },
  ): Promise<{ authorization: string; dpop?: string }> {
    const token = await this.ensureFresh(connection);
    const proof = await this.dpopProof(connection, { ...request, accessToken: token.accessToken });
    return proof
      ? { authorization: `DPoP ${token.accessToken}`, dpop: proof }
      : { authorization: `Bearer ${token.accessToken}` };
  }

  /**
   * A DPoP proof (RFC 9449 §4.2) for one request with this connection's key; undefined when its
   * tokens are not DPoP-bound. Pass the access token the request carries (`ath`).
   */
  async dpopProof(
    connection: string | { id: string },
    request: { method: string; url: string | URL; accessToken?: string; nonce?: string | undefined },
  ): Promise<string | undefined> {
    const id = typeof connection === 'string' ? connection : connection.id;
    const c = await this.#o.store.connections.get(id);
    if (!c) throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: id } });
    const key = await this.#dpopKeyOf(c);
    return key ? signDpopProof(key, request, this.#now()) : undefined;
  }

  /** Forces a refresh now (the console's "Refresh now"; a mail server's 401). */
  async refresh(connection: string | { id: string }): Promise<OAuth2Token> {
    return tokenOf((await this.refreshConnection(connection)).connection);
  }

  /** Like `refresh`, with whether this call did the provider request. */
  refreshConnection(connection: string | { id: string }): Promise<RefreshOutcome> {
    const id = typeof connection === 'string' ? connection : connection.id;
    // Fresh only when someone else already refreshed since this call started.
    return this.#coordinator.refresh(id, (x, startVersion) => x.version > startVersion);
  }

  /**
   * A connection without a user through client credentials (RFC 6749 §4.4): the registered client
   * asks for a token for itself. Requests the first token, stores the connection (tokens sealed
   * like every token) and returns it; `ensureFresh` then requests a new token before expiry under
   * the same lease as a refresh (one token request per expiry across instances).
   *
   * Idempotent per (client, scopes, params): the same call returns the existing connection
   * without a token request (a `needs_reauth` or `revoked` one is renewed first, see `regrant`).
   * Scopes are compared as a set; the payload is not part of the identity.
   *
   * Returns the Connection (`grantType: 'client_credentials'`, no refresh token, `expiresAt` from
   * `expires_in` seconds). Throws CLIENT_UNKNOWN, CONSUMER_UNKNOWN, GRANT_UNSUPPORTED (the
   * provider entry does not list `client_credentials`), SCOPES_INVALID, BAD_REQUEST (a parameter
   * Consentry owns), CONNECTION_EXISTS (the same request already serves another purpose),
   * CLIENT_REFUSED (`invalid_client`/401: the client is flagged), PROVIDER_RATE_LIMITED,
   * TOKEN_REQUEST_REJECTED (any other refusal, `facts.cause` names it: `grant_refused` for
   * `unauthorized_client`/`invalid_scope`), PROVIDER_UNAVAILABLE, TOKEN_RESPONSE_INVALID.
   */
  connectClientCredentials(options: ConnectClientCredentialsOptions): Promise<Connection> {
    return this.connectWithGrant({
      client: options.client,
      grantType: 'client_credentials',
      purpose: options.purpose,
      request: { scopes: options.scopes, params: options.params },
      payload: options.payload,
      actor: options.actor,
    });
  }

  /**
   * A Google service account's connection (RFC 7523 §2.1 JWT bearer grant,
   * https://developers.google.com/identity/protocols/oauth2/service-account): signs an assertion
   * with the client's sealed key for `subject` and `scopes`, stores the token, and — like client
   * credentials — `ensureFresh` signs a new assertion and asks again before expiry, under the same
   * lease as a refresh (one token request per expiry across instances).
   *
   * Idempotent per (key = client, subject, scopes as a set): the same call returns the existing
   * connection without a token request. The connection's `account` is the subject (or the
   * account's address).
   *
   * Throws SCOPES_INVALID (no scope), BAD_REQUEST (a subject that is not an address),
   * CLIENT_INVALID (not a service account), CLIENT_REFUSED (Google's `unauthorized_client`:
   * domain-wide delegation missing — the client is flagged), TOKEN_REQUEST_REJECTED
   * (`invalid_grant`: a key Google does not accept, an unknown user), and as
   * `connectClientCredentials` otherwise.
   */
  connectServiceAccount(options: ConnectServiceAccountOptions): Promise<Connection> {
    const subject = options.subject?.trim() || undefined;
    if (subject !== undefined && !/^[^\s@<>()",;:]{1,64}@[A-Za-z0-9.-]{1,253}$/.test(subject))
      return Promise.reject(
        new ConsentryError('BAD_REQUEST', { detail: 'The subject must be an email address of the domain.' }),
      );
    if (!options.scopes.length)
      return Promise.reject(
        new ConsentryError('SCOPES_INVALID', { detail: 'A service account needs at least one scope.' }),
      );
    return this.#client(options.client).then((client) => {
      const account =
        subject ?? (typeof client.options.serviceAccount === 'object' ? client.clientId : undefined);
      return this.connectWithGrant({
        client: client.id,
        grantType: 'jwt_bearer',
        purpose: options.purpose,
        request: { scopes: options.scopes, ...(subject ? { subject } : {}) },
        payload: options.payload,
        actor: options.actor,
        account,
      });
    });
  }

  /**
   * The generic form of `connectClientCredentials` for any grant without a user (`jwt_bearer`
   * plugs its strategy in with `registerRegrant`, src/core/regrant.ts). `request` is stored as the
   * connection's `grantRequest` (never put a secret in it) and identifies it with the client.
   * Same result and errors as `connectClientCredentials`.
   */
  async connectWithGrant(options: ConnectWithGrantOptions): Promise<Connection> {
    this.#o.consumers.get(options.purpose); // unknown purpose fails before any token request
    const client = await this.#client(options.client);
    const provider = this.#o.providers.get(client.providerKey);
    if (!provider.grants.includes(options.grantType))
      throw new ConsentryError('GRANT_UNSUPPORTED', {
        detail: `${provider.displayName} does not list the ${options.grantType} grant.`,
        facts: { provider: provider.key, grant: options.grantType },
      });
    const regrant = regrantFor(options.grantType, this.#o.regrants);
    const request = normalizeGrantRequest(options.request);
    const grantKey = grantKeyOf(options.grantType, request);
    const existing = await this.#o.store.connections.findByGrantKey(client.id, grantKey);
    if (existing) {
      if (existing.purpose !== options.purpose)
        throw new ConsentryError('CONNECTION_EXISTS', {
          detail: `Connection ${existing.id} makes this request for “${existing.purpose}”.`,
          facts: { connection: existing.id, purpose: existing.purpose },
        });
      return existing.status === 'active' ? existing : this.regrant(existing.id);
    }
    const fields = await this.#runGrant(client, regrant, request, undefined);
    let connection: Connection;
    try {
      connection = await this.#o.store.connections.insert(
        {
          ...fields,
          clientRef: client.id,
          providerKey: client.providerKey,
          purpose: options.purpose,
          payload: options.payload ?? {},
          account: options.account,
          subject: undefined,
          issuer: undefined,
          grantType: options.grantType,
          grantRequest: request,
          grantKey,
        },
        this.#now(),
      );
    } catch (e) {
      // A simultaneous identical call stored its connection first (unique client + grant key).
      const winner = await this.#o.store.connections.findByGrantKey(client.id, grantKey);
      if (winner) return winner;
      throw e;
    }
    await this.#o.audit?.record({
      action: 'connection.grant',
      actor: options.actor ?? { kind: 'system', label: 'library' },
      target: { type: 'connection', id: connection.id },
      details: {
        provider: client.providerKey,
        client: client.id,
        grant: options.grantType,
        purpose: options.purpose,
        scopes: connection.scopes.join(' '),
      },
    });
    await this.publish({ type: 'created', connectionId: connection.id, purpose: connection.purpose });
    return connection;
  }

  /**
   * Runs the grant of a connection without a user again now, whatever its status — after an
   * administrator fixed what made it `needs_reauth` (`grant_refused`, a refused client) or to
   * bring back a revoked one. Stores the new token, status back to `active`, and publishes
   * `reconnected` (or `refreshed` when it was active). Returns the connection.
   * @throws CONNECTION_UNKNOWN; GRANT_UNSUPPORTED for a consented connection (it needs its user);
   * the grant's errors as in `connectClientCredentials`.
   */
  async regrant(connection: string | { id: string }): Promise<Connection> {
    const id = typeof connection === 'string' ? connection : connection.id;
    const c = await this.#o.store.connections.get(id);
    if (!c) throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: id } });
    if (!withoutUser(c))
      throw new ConsentryError('GRANT_UNSUPPORTED', {
        detail: 'A consented connection is renewed by its user (reconnect), not by running a grant.',
        facts: { connection: id },
      });
    const client = await this.#client(c.clientRef);
    const fields = await this.#runGrant(client, regrantFor(c.grantType, this.#o.regrants), requestOf(c), c);
    await this.#o.store.connections.replaceTokens(id, fields, this.#now());
    const after = (await this.#o.store.connections.get(id))!;
    await this.publish(
      c.status === 'active'
        ? { type: 'refreshed', connectionId: id, purpose: c.purpose, expiresAt: after.expiresAt }
        : { type: 'reconnected', connectionId: id, purpose: c.purpose },
    );
    return after;
  }

  /** The coordinator's renewal of a connection without a user (under its lease). */
  async #callRegrant(c: Connection): Promise<TokenFields> {
    const client = await this.#client(c.clientRef);
    this.#assertNotPaused(client);
    const session = await this.#session(client, c.tokenHost);
    const result = await regrantFor(
      c.grantType,
      this.#o.regrants,
    )({
      request: requestOf(c),
      client,
      session,
      connection: c,
      store: this.#o.store,
      now: this.#now(),
    });
    return this.#regrantFields(session, result);
  }

  /**
   * A first token or a renewal outside the coordinator: the refusal is classified like a renewal's
   * (classifyRegrant) — a refused client is flagged (`CLIENT_REFUSED`), a 429 pauses the client.
   */
  async #runGrant(
    client: RegisteredClient,
    regrant: Regrant,
    request: ReturnType<typeof normalizeGrantRequest>,
    connection: Connection | undefined,
  ): Promise<TokenFields> {
    this.#assertNotPaused(client);
    const session = await this.#session(client, connection?.tokenHost);
    try {
      const result = await regrant({
        request,
        client,
        session,
        connection,
        store: this.#o.store,
        now: this.#now(),
      });
      return this.#regrantFields(session, result);
    } catch (e) {
      const secret = client.hasClientSecret ? await this.#o.store.clients.secretOf(client.id) : undefined;
      const c: Classified = classifyRegrant(e, {
        provider: session.provider,
        grantType: connection?.grantType ?? 'client_credentials',
        secrets: [secret],
        now: this.#now(),
      });
      const t = this.#now();
      const health = healthOf(c, t, 1);
      if (c.kind === 'client_invalid') {
        await this.#flagClient(client.id, client.providerKey, health, connection);
        throw new ConsentryError('CLIENT_REFUSED', {
          detail: describeHealth(health),
          facts: { ...(isConsentryError(e) ? e.facts : {}), client: client.id, cause: 'client_invalid' },
          cause: e,
        });
      }
      if (c.cause === 'rate_limited') {
        const until = new Date(t.getTime() + (c.retryAfterSeconds ?? 60) * 1000);
        if (await this.#o.store.clients.pauseUntil(client.id, until, healthOf(c, t, 1, until)))
          this.events.emit('client', {
            type: 'rate_limited',
            clientRef: client.id,
            providerKey: client.providerKey,
            cause: 'rate_limited',
            until,
            evidence: health.evidence,
          });
      }
      if (isConsentryError(e)) {
        (e.facts as Record<string, unknown>).cause = c.cause;
        throw e;
      }
      throw new ConsentryError('INTERNAL', { cause: e });
    }
  }

  #regrantFields(session: ProviderSession, result: RegrantResult): TokenFields {
    const token = this.#tokenFrom(session, result.response, undefined, result.requestedScopes);
    // No refresh token is kept: the grant itself is the way to a new token (RFC 6749 §4.4.3).
    return { ...tokenFields(token), refreshToken: undefined };
  }

  /** Exchanges a code directly (for platforms that run their own callback). */
  async exchangeCode(input: {
    client: string;
    callbackParams: URLSearchParams;
    codeVerifier?: string;
    nonce?: string;
    scopes?: readonly string[];
  }): Promise<OAuth2Token> {
    const session = await this.#session(await this.#client(input.client));
    const grant = await this.#exchange(session, {
      callbackParams: input.callbackParams,
      redirectUri: this.#o.redirectUri,
      codeVerifier: input.codeVerifier,
      nonce: input.nonce,
      requireIdToken: input.nonce !== undefined,
    });
    return this.#tokenFrom(session, grant.response, grant.idTokenClaims, input.scopes ?? []);
  }

  /**
   * Revokes at the provider where it can (RFC 7009, or the provider's own call described by its
   * entry), then marks the connection revoked.
   */
  async revoke(connectionId: string): Promise<{ atProvider: boolean }> {
    const c = await this.#o.store.connections.get(connectionId);
    if (!c) throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: connectionId } });
    const session = await this.#session(await this.#client(c.clientRef), c.tokenHost);
    const refreshToken = await this.#o.store.connections.refreshTokenOf(c.id);
    let accessToken = c.accessToken;
    // A revocation call authenticated by the access token (Dropbox, Slack, Strava) needs a live one.
    const api = session.provider.revocation;
    if (api?.token === 'access' && refreshToken && c.status === 'active' && this.#expiring(c, 0)) {
      accessToken = (await this.ensureFresh(c.id, { skewSeconds: 0 }).catch(() => c)).accessToken;
    }
    let atProvider = false;
    try {
      atProvider = await revokeToken(session, refreshToken ?? c.accessToken, { accessToken, refreshToken });
    } finally {
      await this.#o.store.connections.setStatus(c.id, 'revoked', 'Revoked by an administrator.', this.#now());
      await this.publish({ type: 'revoked', connectionId: c.id, purpose: c.purpose, atProvider });
    }
    return { atProvider };
  }

  /**
   * Deletes a connection (its sealed tokens with it) without calling the provider, and publishes
   * `deleted`. Throws CONNECTION_UNKNOWN when there is no such connection.
   */
  async deleteConnection(connectionId: string): Promise<void> {
    const c = await this.#o.store.connections.get(connectionId);
    if (!c) throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: connectionId } });
    await this.#o.store.connections.delete(c.id);
    await this.publish({ type: 'deleted', connectionId: c.id, purpose: c.purpose });
  }

  /**
   * Background refresher (issue 11): takes the lease on up to `limit` connections whose access
   * token expires before `before`, in one statement; refresh each with `refreshClaimed`.
   */
  claimDue(before: Date, limit: number): Promise<ClaimedConnection[]> {
    return this.#coordinator.claimDue(before, limit);
  }

  /**
   * Refreshes a connection claimed by `claimDue` (lease, fencing and failure handling as
   * `refresh`); `progress.onProviderAnswered` is called when the provider has answered, before
   * the commit.
   */
  refreshClaimed(claim: ClaimedConnection, progress?: RefreshProgress): Promise<RefreshOutcome> {
    return this.#coordinator.refreshClaimed(claim, progress);
  }

  /**
   * The client and its session for a refresh; for a claimed one, reused while the client is
   * unchanged (./claim-sessions.ts). Refused or paused clients send nothing (issue 11).
   */
  async #refreshSession(
    c: Connection,
    claim: Pick<ClaimedConnection, 'clientStamp'> | undefined,
  ): Promise<{ client: RegisteredClient; session: ProviderSession }> {
    const stamp = claim?.clientStamp;
    const cached = stamp === undefined ? undefined : this.#claimSessions.get(c.clientRef, c.tokenHost, stamp);
    if (cached) return cached;
    const client = await this.#client(c.clientRef);
    this.#assertNotPaused(client);
    const value = { client, session: await this.#session(client, c.tokenHost) };
    // Neither refused nor paused (checked just above) and unchanged since the claim read its stamp.
    if (stamp !== undefined && client.updatedAt.getTime() === stamp)
      this.#claimSessions.set(c.clientRef, c.tokenHost, stamp, value);
    return value;
  }

  /**
   * Who the account is: the ID-token claims, completed from UserInfo when they name no email.
   * A failing UserInfo does not fail the connection: the subject still identifies the account.
   */
  async #profileOf(
    session: ProviderSession,
    token: OAuth2Token,
    dpop: DpopKey | undefined,
  ): Promise<Record<string, unknown> | undefined> {
    const claims = token.idTokenClaims;
    if (!claims || typeof claims.email === 'string' || typeof claims.sub !== 'string') return claims;
    try {
      const info = await fetchUserInfo(session, token.accessToken, claims.sub, dpop);
      return info ? { ...info, ...claims, email: info.email } : claims;
    } catch {
      return claims;
    }
  }

  async #callRefresh(
    c: Connection,
    refreshToken: string,
    claim?: Pick<ClaimedConnection, 'clientStamp'>,
  ): Promise<TokenFields> {
    const { session } = await this.#refreshSession(c, claim);
    const grant = await refreshAccessToken(session, refreshToken, {
      // An ID token in a refresh response is checked only on connections made with `openid`.
      idToken: c.idTokenClaims !== undefined,
      dpop: await this.#dpopKeyOf(c),
    });
    // OIDC Core §12.2: a refreshed ID token keeps iss and sub; another means another account.
    if (grant.idTokenClaims && c.subject && grant.idTokenClaims.sub !== c.subject) {
      throw new ConsentryError('ID_TOKEN_INVALID', {
        detail: 'The refreshed ID token names another subject.',
        facts: { provider: c.providerKey, reason: 'account_changed' },
      });
    }
    if (grant.idTokenClaims && c.issuer && grant.idTokenClaims.iss !== c.issuer) {
      throw new ConsentryError('ID_TOKEN_INVALID', {
        detail: 'The refreshed ID token names another issuer.',
        facts: { provider: c.providerKey, reason: 'account_changed' },
      });
    }
    const previous = new OAuth2Token({
      accessToken: c.accessToken,
      tokenType: c.tokenType,
      scopes: c.scopes,
      extras: c.extras,
    });
    const next = previous.withRefreshedAccess(grant.response, {
      now: this.#now(),
      scopeSeparator: separatorOf(session),
      idTokenClaims: grant.idTokenClaims,
      extras: extrasOf(session, grant.response),
    });
    // An echoed, unchanged refresh token is not a new one: it keeps its lapse date unless the
    // provider restates its remaining lifetime (Intuit `x_refresh_token_expires_in`).
    const issuedRefresh = grant.response.refresh_token;
    const rotated = issuedRefresh !== undefined && issuedRefresh !== refreshToken ? issuedRefresh : undefined;
    return {
      ...tokenFields(next),
      refreshToken: rotated,
      ...refreshExpiryOf(session, grant.response, this.#now()),
    };
  }

  /** No token request for a client its provider refuses or rate-limits (issue 11). */
  #assertNotPaused(client: RegisteredClient): void {
    if (client.refusal) {
      throw new ConsentryError('CLIENT_REFUSED', {
        detail: describeHealth(client.refusal),
        facts: { client: client.id, provider: client.providerKey, cause: 'client_invalid', paused: true },
      });
    }
    if (client.pausedUntil && client.pausedUntil > this.#now()) {
      throw new ConsentryError('PROVIDER_RATE_LIMITED', {
        facts: {
          client: client.id,
          provider: client.providerKey,
          cause: 'rate_limited',
          retryAt: client.pausedUntil.toISOString(),
          paused: true,
        },
      });
    }
  }

  /** Flags a client its provider refuses; the event fires once (the first instance to flag it). */
  async #flagClient(
    clientRef: string,
    providerKey: string,
    health: HealthState,
    /** The connection whose refresh was refused (none at a code exchange). */
    connection?: Connection,
  ): Promise<void> {
    if (!(await this.#o.store.clients.flagRefused(clientRef, health, this.#now()))) return;
    this.events.emit('client', {
      type: 'client_invalid',
      clientRef,
      providerKey,
      cause: 'client_invalid',
      evidence: health.evidence,
    });
    // Durable too (the webhook outbox), named by the connection that met the refusal.
    if (connection)
      await this.publish({
        type: 'client_invalid',
        connectionId: connection.id,
        purpose: connection.purpose,
        clientRef,
        cause: 'client_invalid',
        evidence: health.evidence,
      });
  }

  /**
   * The code exchange, with its refusal classified like a refresh's: a refused client is flagged
   * and named (`CLIENT_REFUSED`: "check the client secret"), other refusals carry their cause.
   */
  async #exchange(
    session: ProviderSession,
    input: Parameters<typeof exchangeCode>[1],
  ): Promise<Awaited<ReturnType<typeof exchangeCode>>> {
    try {
      return await exchangeCode(session, input);
    } catch (e) {
      const secret = session.client.hasClientSecret
        ? await this.#o.store.clients.secretOf(session.client.id)
        : undefined;
      const c = classifyRefusal(e, { provider: session.provider, stage: 'exchange', secrets: [secret] });
      const health = healthOf(c, this.#now(), 1);
      if (c.kind === 'client_invalid') {
        await this.#flagClient(session.client.id, session.provider.key, health);
        throw new ConsentryError('CLIENT_REFUSED', {
          detail: describeHealth(health),
          facts: {
            ...(isConsentryError(e) ? e.facts : {}),
            client: session.client.id,
            cause: 'client_invalid',
          },
          cause: e,
        });
      }
      if (isConsentryError(e)) (e.facts as Record<string, unknown>).cause = c.cause;
      throw e;
    }
  }

  #expiring(c: Pick<Connection, 'status' | 'expiresAt'>, skew: number): boolean {
    return (
      c.status !== 'active' ||
      (c.expiresAt !== undefined && c.expiresAt.getTime() - skew * 1000 <= this.#now().getTime())
    );
  }

  #tokenFrom(
    session: ProviderSession,
    response: oauth.TokenEndpointResponse,
    idTokenClaims: Record<string, unknown> | undefined,
    requestedScopes: readonly string[],
  ): OAuth2Token {
    return OAuth2Token.fromResponse(response, {
      now: this.#now(),
      requestedScopes,
      scopeSeparator: separatorOf(session),
      idTokenClaims,
      extras: extrasOf(session, response),
    });
  }

  #scopesFor(session: ProviderSession, options: BeginConsentOptions): string[] {
    const p = session.provider;
    if (options.scopes && options.preset)
      throw new ConsentryError('SCOPES_INVALID', { detail: 'Give scopes or a preset, not both.' });
    if (options.preset) {
      const preset = p.presets[options.preset];
      if (!preset)
        throw new ConsentryError('SCOPES_INVALID', {
          detail: `${p.displayName} has no “${options.preset}” preset.`,
        });
      return [...preset];
    }
    const scopes = options.scopes ? [...options.scopes] : [...(p.presets.login ?? [])];
    for (const s of scopes) {
      if (!/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(s))
        throw new ConsentryError('SCOPES_INVALID', {
          detail: 'A scope has characters RFC 6749 §3.3 forbids.',
        });
    }
    return scopes;
  }

  async #resolveClient(options: BeginConsentOptions): Promise<RegisteredClient> {
    if (options.client) return this.#client(options.client);
    if (!options.provider)
      throw new ConsentryError('CLIENT_UNKNOWN', { detail: 'Name a provider or a client.' });
    this.#o.providers.get(options.provider);
    const clients = await this.#o.store.clients.list({ providerKey: options.provider });
    if (clients.length === 0)
      throw new ConsentryError('CLIENT_UNKNOWN', {
        detail: `No client is registered for ${options.provider}.`,
      });
    if (clients.length > 1)
      throw new ConsentryError('CLIENT_AMBIGUOUS', { facts: { provider: options.provider } });
    return clients[0]!;
  }

  /**
   * Dynamic registration on first use (Mastodon: one app per instance, `POST /api/v1/apps`):
   * a registered client without a client id gets one from the provider module, stored sealed.
   */
  async #registerIfNeeded(client: RegisteredClient): Promise<RegisteredClient> {
    if (client.clientId) return client;
    const provider = this.#o.providers.get(client.providerKey);
    const quirks = this.#o.providers.quirksOf(provider);
    if (!quirks.registerClient) {
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `The ${provider.displayName} client has no client id.`,
      });
    }
    const registered = await quirks.registerClient({
      provider,
      client,
      redirectUri: this.#o.redirectUri,
      scopes: provider.scopes.map((s) => s.name),
      fetch: this.#o.protocol.fetch,
    });
    const updated = await this.#o.store.clients.update(client.id, {
      clientId: registered.clientId,
      clientSecret: registered.clientSecret,
    });
    return updated ?? client;
  }

  async #client(id: string): Promise<RegisteredClient> {
    const c = await this.#o.store.clients.get(id);
    if (!c) throw new ConsentryError('CLIENT_UNKNOWN', { facts: { client: id } });
    return c;
  }

  async #session(client: RegisteredClient, tokenHost?: string | undefined): Promise<ProviderSession> {
    const provider = this.#o.providers.get(client.providerKey);
    return openProviderSession({
      provider,
      client,
      quirks: this.#o.providers.quirksOf(provider),
      clientSecret: client.hasClientSecret ? await this.#o.store.clients.secretOf(client.id) : undefined,
      clientKey: client.hasClientKey ? await this.#o.store.clients.keyOf(client.id) : undefined,
      tokenHost,
      settings: this.#o.protocol,
    });
  }

  async #dpopKeyOf(c: Pick<Connection, 'id' | 'clientRef' | 'dpopBound'>): Promise<DpopKey | undefined> {
    if (!c.dpopBound) return undefined;
    const json = await this.#o.store.connections.dpopKeyOf(c.id);
    if (!json) return undefined;
    const client = await this.#client(c.clientRef);
    return loadDpopKey({ client_id: client.clientId }, json);
  }

  #emit(event: ConnectionEvent): Promise<void> {
    return this.publish(event);
  }

  /**
   * Delivers a connection event: first to the durable recorder (awaited), then to `events`
   * listeners and the owning consumer. Other parts that detect events (the background
   * refresher's `lapsing`) publish through here too, so every event reaches the same places.
   */
  async publish(event: ConnectionEvent): Promise<void> {
    if (this.#o.recordEvent) {
      try {
        await this.#o.recordEvent(event);
      } catch (e) {
        this.#o.onRecordError?.(e, event);
      }
    }
    this.events.emit('connection', event);
    const consumer = this.#o.consumers.has(event.purpose) ? this.#o.consumers.get(event.purpose) : undefined;
    void Promise.resolve(consumer?.onConnectionEvent?.(event)).catch(() => {});
  }
}

/**
 * Oversized or repeated callback parameters are refused (RFC 6749 §3.1: parameters MUST NOT be
 * included more than once). `names` are the parameters that must appear at most once.
 */
function assertCallbackParams(params: URLSearchParams, names: readonly string[]): void {
  for (const [k, v] of params) {
    if (k.length > 64 || v.length > MAX_PARAM_LENGTH) {
      throw new ConsentryError('CALLBACK_PARAMETER_TOO_LARGE', { facts: { parameter: k.slice(0, 64) } });
    }
  }
  for (const name of names) {
    if (params.getAll(name).length > 1) {
      throw new ConsentryError('CALLBACK_PARAMETER_DUPLICATED', { facts: { parameter: name } });
    }
  }
}

/**
 * Redirect parameters the provider entry keeps (`keepCallbackParams`: QuickBooks `realmId`, the
 * company id Intuit sends only on the redirect). Checked like the others — repeated is refused,
 * before any token request; undefined when the entry keeps none.
 */
function keptCallbackParams(
  session: ProviderSession,
  params: URLSearchParams,
): Record<string, string> | undefined {
  const names = session.provider.keepCallbackParams;
  if (names.length === 0) return undefined;
  assertCallbackParams(params, names);
  const kept: Record<string, string> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) kept[name] = value;
  }
  return kept;
}

function separatorOf(session: ProviderSession): string | RegExp {
  return session.provider.scopeSeparator === ' ' ? /[\s]+/ : session.provider.scopeSeparator;
}

function extrasOf(session: ProviderSession, response: oauth.TokenEndpointResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of session.provider.keepResponseFields) {
    const v = response[f];
    if (typeof v === 'string') out[f] = v;
  }
  return out;
}

/**
 * The refresh token's lapse date when the token response states its lifetime in seconds
 * (`refresh_token_expires_in` — GitHub; `x_refresh_token_expires_in` — Intuit; and the entry's
 * `refreshToken.expiresInFields`). Empty when the response says nothing: the catalog's documented
 * lifetime (refresh-lifetime.ts) is the fallback.
 */
export function refreshExpiryOf(
  session: Pick<ProviderSession, 'provider'>,
  response: Record<string, unknown>,
  now: Date,
): { refreshExpiresAt?: Date } {
  const names = [
    'refresh_token_expires_in',
    'x_refresh_token_expires_in',
    ...session.provider.refreshToken.expiresInFields,
  ];
  for (const name of names) {
    const raw = response[name];
    const seconds =
      typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (Number.isFinite(seconds) && seconds > 0)
      return { refreshExpiresAt: new Date(now.getTime() + seconds * 1000) };
  }
  return {};
}

/**
 * Whether a reconnect brought the same account: the ID token's `iss`/`sub` and the entry's
 * `accountFields` (Slack team and user, QuickBooks `realmId`) must equal the stored ones wherever
 * both sides have them.
 */
function sameAccount(
  existing: Connection,
  profile: Record<string, unknown> | undefined,
  extras: Readonly<Record<string, string>>,
  accountFields: readonly string[],
): boolean {
  const sub = typeof profile?.sub === 'string' ? profile.sub : undefined;
  const iss = typeof profile?.iss === 'string' ? profile.iss : undefined;
  if (existing.subject && sub && existing.subject !== sub) return false;
  if (existing.issuer && iss && existing.issuer !== iss) return false;
  for (const f of accountFields) {
    const before = existing.extras[f];
    const after = extras[f];
    if (before && after && before !== after) return false;
  }
  return true;
}

/** A connection renewed by running its grant again (client credentials, JWT bearer). */
function withoutUser(c: Pick<Connection, 'grantType'>): boolean {
  return c.grantType !== undefined && c.grantType !== 'authorization_code';
}

/** The stored grant request (older rows, or none stored: the connection's scopes). */
function requestOf(c: Connection): ReturnType<typeof normalizeGrantRequest> {
  return c.grantRequest ?? { scopes: [...c.scopes], params: {} };
}

function accountOf(claims: Record<string, unknown> | undefined): string | undefined {
  if (!claims) return undefined;
  for (const k of ['email', 'preferred_username', 'sub'])
    if (typeof claims[k] === 'string') return claims[k] as string;
  return undefined;
}

function tokenFields(token: OAuth2Token): TokenFields {
  return {
    accessToken: token.accessToken,
    refreshToken: token.refreshToken,
    tokenType: token.tokenType,
    scopes: [...token.scopes],
    expiresAt: token.expiresAt,
    idTokenClaims: token.idTokenClaims ? { ...token.idTokenClaims } : undefined,
    extras: { ...token.extras },
  };
}

function tokenOf(c: UsableToken): OAuth2Token {
  return new OAuth2Token({
    accessToken: c.accessToken,
    tokenType: c.tokenType,
    scopes: c.scopes,
    expiresAt: c.expiresAt,
    idTokenClaims: c.idTokenClaims,
    extras: c.extras,
  });
}

export { splitScope };
