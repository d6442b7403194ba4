import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { type RegistrationGuide, registrationGuide } from '../catalog/api.ts';
import {
  CATEGORIES,
  type Category,
  CLIENT_AUTH_METHODS,
  CLIENT_GRANTS,
  type ClientAuthMethod,
  type OAuth2Provider,
  supportsConsent,
} from '../catalog/provider.ts';
import type { ProviderRegistry } from '../catalog/registry.ts';
import { validateTemplateValues } from '../catalog/template.ts';
import { isSecureRedirectUri } from '../config/config.ts';
import type { AuditTrail } from '../core/audit-trail.ts';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import { random256, sha256 } from '../core/random.ts';
import type { Connection, ConnectionStatus, RegisteredClient } from '../domain/connection.ts';
import { ConsentryError, isConsentryError } from '../domain/errors.ts';
import { assertSameSitePath } from '../domain/safe-path.ts';
import { generateClientKeyPair, importClientPrivateKey } from '../protocol/client-auth.ts';
import type { HandoffRepository } from '../storage/console.ports.ts';
import type { ConnectionSummary, Store } from '../storage/ports.ts';
import { type Actor, assertCan, auditActorOf, can } from './actor.ts';
import { CONNECT_DONE_PATH, CONSOLE_PURPOSE, type ConsolePayload } from './consumer.ts';
import { decodeUnverifiedJwt, type UnverifiedJwt } from './jwt-inspect.ts';

/**
 * The service layer behind the console pages and the CLI: providers, registered clients,
 * connections. Both faces call these methods with an `Actor`; permissions are checked here too,
 * so a page that forgets a check still cannot act beyond its user's rights.
 *
 * Everything OAuth goes through `OAuth2Client` (consent, refresh, revoke) and the `Store`.
 */
export interface OAuthAdminOptions {
  store: Store;
  client: OAuth2Client;
  providers: ProviderRegistry;
  handoffs: HandoffRepository;
  publicBaseUrl: string;
  /** Called after a client is saved (the composition root registers demo clients at the demo provider). */
  onClientSaved?: (client: RegisteredClient, secret: string | undefined) => Promise<void> | void;
  /**
   * Features that prepared a hand-off link for their own flow (`consentry mailboxes connect`):
   * each returns its consent URL for a hand-off it claims, else undefined (issue 7 follow-up).
   */
  handoffFlows?: readonly ((handoffId: string, session: string) => Promise<string | undefined>)[];
  now?: () => Date;
  /** Issue 10: secret changes and token inspections are recorded here. */
  audit?: AuditTrail | undefined;
}

export interface ProviderListing {
  provider: OAuth2Provider;
  configured: boolean;
  clients: number;
  /** Other names it is known by (Gmail, Outlook …), see ProviderRegistry.addAlias. */
  aliases: { key: string; displayName: string }[];
}

export interface ClientInput {
  name: string;
  clientId: string;
  /** Blank or undefined on update = unchanged (write-only field). */
  clientSecret?: string | undefined;
  templateValues?: Record<string, string | undefined>;
  /**
   * Client authentication for this client, overriding the catalog and the metadata:
   * `client_secret_basic`, `client_secret_post`, `private_key_jwt` or `none`; `''` = automatic
   * (the default); undefined on update = unchanged.
   */
  clientAuth?: ClientAuthMethod | '' | undefined;
  /** A private key to import for `private_key_jwt` (PKCS#8 PEM or JWK JSON); sealed at rest. */
  privateKey?: string | undefined;
  /** Generate a new key pair for `private_key_jwt` (replacing any stored one). */
  generateKey?: boolean | undefined;
}

/** The public half of a client's `private_key_jwt` key, to paste at the provider. */
export interface ClientPublicKey {
  /** JWK (with `kid`, `alg`, `use: sig`) — Okta, Auth0, Keycloak, oidc-provider take this. */
  jwk: Record<string, unknown>;
  /** SPKI PEM — Microsoft Entra takes a certificate or this key's PEM form via tooling. */
  pem: string;
}

export interface Inspection {
  connectionId: string;
  tokenType: string;
  accessToken: string;
  scopes: string[];
  expiresAt: Date | undefined;
  /** Decoded, NOT verified. */
  jwt: UnverifiedJwt | undefined;
  idTokenClaims: Record<string, unknown> | undefined;
}

const HANDOFF_TTL_MS = 10 * 60 * 1000;

export class OAuthAdmin {
  readonly #o: OAuthAdminOptions;
  readonly #now: () => Date;

  constructor(options: OAuthAdminOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
    // A flow started by a hand-off link (any purpose: the mail consumer's links name it too) that
    // fails is recorded on the link, so the `consentry connect` waiting on it stops at once.
    options.client.events.on('flow_failed', (event) => {
      const handoff = (event.payload as ConsolePayload).handoff;
      if (typeof handoff === 'string')
        void options.handoffs.fail(handoff, { code: event.error, message: event.message }).catch(() => {});
    });
  }

  get redirectUri(): string {
    return this.#o.client.redirectUri;
  }

  /** False when providers will refuse the redirect URI (plain http on a non-loopback host). */
  get redirectUriIsSecure(): boolean {
    return isSecureRedirectUri(this.redirectUri);
  }

  // ── providers ───────────────────────────────────────────────────────────────

  /**
   * The catalog, filtered by a search text (key, name, alias, category or scope) and/or a
   * category (`crm`, `mail` …; see CATEGORIES) and/or a grant (`client_credentials` …; see
   * CLIENT_GRANTS). Throws BAD_REQUEST for an unknown category or grant.
   */
  async listProviders(search = '', category = '', grant = ''): Promise<ProviderListing[]> {
    if (category && !(CATEGORIES as readonly string[]).includes(category)) {
      throw new ConsentryError('BAD_REQUEST', {
        detail: `Unknown category “${category}”. Known: ${CATEGORIES.join(', ')}.`,
      });
    }
    if (grant && !(CLIENT_GRANTS as readonly string[]).includes(grant)) {
      throw new ConsentryError('BAD_REQUEST', {
        detail: `Unknown grant “${grant}”. Known: ${CLIENT_GRANTS.join(', ')}.`,
      });
    }
    const counts = new Map<string, number>();
    for (const c of await this.#o.store.clients.list())
      counts.set(c.providerKey, (counts.get(c.providerKey) ?? 0) + 1);
    const q = search.trim().toLowerCase();
    const registry = this.#o.providers;
    return registry
      .all()
      .map((provider) => ({
        provider,
        configured: counts.has(provider.key),
        clients: counts.get(provider.key) ?? 0,
        aliases: registry.aliasesOf(provider.key).map((a) => ({ key: a.key, displayName: a.displayName })),
      }))
      .filter(({ provider: p }) => !category || (p.categories as string[]).includes(category))
      .filter(({ provider: p }) => !grant || (p.grants as string[]).includes(grant))
      .filter(
        ({ provider: p, aliases }) =>
          !q ||
          p.key.includes(q) ||
          p.displayName.toLowerCase().includes(q) ||
          p.categories.some((c) => c === q) ||
          aliases.some((a) => a.key.includes(q) || a.displayName.toLowerCase().includes(q)) ||
          p.scopes.some((s) => s.name.toLowerCase().includes(q)),
      );
  }

  /** Every category with how many catalog entries list it (for the providers page's filter). */
  providerCategories(): { category: Category; count: number }[] {
    const all = this.#o.providers.all();
    return CATEGORIES.map((category) => ({
      category,
      count: all.filter((p) => p.categories.includes(category)).length,
    })).filter((c) => c.count > 0);
  }

  provider(key: string): OAuth2Provider {
    return this.#o.providers.get(key);
  }

  /** Other names of an entry (Gmail, Outlook …). */
  aliasesOf(key: string): { key: string; displayName: string; preset: string | undefined }[] {
    return this.#o.providers
      .aliasesOf(key)
      .map((a) => ({ key: a.key, displayName: a.displayName, preset: a.preset }));
  }

  /** What to paste at the provider (redirect URL, scopes per preset), its steps, the fields asked back. */
  async registrationGuide(key: string): Promise<RegistrationGuide> {
    return registrationGuide(this.#o.providers, await this.#o.store.clients.list(), this.redirectUri, key);
  }

  /** The scopes to add at the provider's console: every preset's scopes, in catalog order. */
  scopesToRegister(provider: OAuth2Provider): string[] {
    const wanted = new Set(Object.values(provider.presets).flat());
    const ordered = provider.scopes.map((s) => s.name).filter((s) => wanted.has(s));
    return ordered.length ? ordered : [...wanted];
  }

  // ── registered clients ──────────────────────────────────────────────────────

  async listClients(actor: Actor, filter: { providerKey?: string } = {}): Promise<RegisteredClient[]> {
    if (!can(actor, 'administer_oauth')) assertCan(actor, 'connect_accounts');
    return this.#o.store.clients.list(filter);
  }

  async getClient(actor: Actor, id: string): Promise<RegisteredClient> {
    if (!can(actor, 'administer_oauth')) assertCan(actor, 'connect_accounts');
    return this.#mustClient(id);
  }

  /** Finds a client by id, or by name when the name is unique. */
  async findClient(actor: Actor, ref: string): Promise<RegisteredClient> {
    const clients = await this.listClients(actor);
    const byId = clients.find((c) => c.id === ref);
    if (byId) return byId;
    const byName = clients.filter((c) => c.name === ref || `${c.providerKey}/${c.name}` === ref);
    if (byName.length === 1) return byName[0]!;
    if (byName.length > 1)
      throw new ConsentryError('CLIENT_AMBIGUOUS', {
        detail: 'Use the id or provider/name.',
        facts: { client: ref },
      });
    throw new ConsentryError('CLIENT_UNKNOWN', { facts: { client: ref } });
  }

  async createClient(actor: Actor, providerKey: string, input: ClientInput): Promise<RegisteredClient> {
    assertCan(actor, 'administer_oauth');
    const provider = this.#o.providers.get(providerKey);
    const fields = this.#validate(provider, input, { creating: true });
    const keyFields = await this.#keyFields(input, undefined);
    if (fields.clientSecret !== undefined || keyFields.clientKey !== undefined)
      assertCan(actor, 'manage_secrets');
    let client: RegisteredClient;
    try {
      client = await this.#o.store.clients.create({ providerKey, ...fields, ...keyFields });
    } catch (cause) {
      throw this.#duplicateName(cause, provider, fields.name);
    }
    await this.#o.onClientSaved?.(client, fields.clientSecret);
    if (fields.clientSecret !== undefined) await this.#auditSecretChange(actor, client, 'created');
    if (keyFields.clientKey !== undefined) await this.#auditSecretChange(actor, client, 'key_created');
    return client;
  }

  async updateClient(actor: Actor, id: string, input: ClientInput): Promise<RegisteredClient> {
    assertCan(actor, 'administer_oauth');
    const existing = await this.#mustClient(id);
    const provider = this.#o.providers.get(existing.providerKey);
    const fields = this.#validate(provider, input, { creating: false, existing });
    const keyFields = await this.#keyFields(input, existing);
    // Replacing a secret or key is managing it; leaving the write-only fields blank is not.
    if (fields.clientSecret !== undefined || keyFields.clientKey !== undefined)
      assertCan(actor, 'manage_secrets');
    let client: RegisteredClient | undefined;
    try {
      client = await this.#o.store.clients.update(id, { ...fields, ...keyFields });
    } catch (cause) {
      throw this.#duplicateName(cause, provider, fields.name);
    }
    if (!client) throw new ConsentryError('CLIENT_UNKNOWN', { facts: { client: id } });
    await this.#o.onClientSaved?.(client, fields.clientSecret);
    if (fields.clientSecret !== undefined) await this.#auditSecretChange(actor, client, 'replaced');
    if (keyFields.clientKey !== undefined) await this.#auditSecretChange(actor, client, 'key_replaced');
    return client;
  }

  /** The public key to paste at the provider, when the client has a `private_key_jwt` key. */
  async publicKeyOf(actor: Actor, id: string): Promise<ClientPublicKey | undefined> {
    assertCan(actor, 'administer_oauth');
    const client = await this.#mustClient(id);
    const jwk = client.options.publicJwk as Record<string, unknown> | undefined;
    if (!client.hasClientKey || !jwk) return undefined;
    const pem = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    return { jwk, pem };
  }

  /**
   * The client-authentication fields of an input: the override (kept in `options.clientAuth`),
   * and a key pair imported or generated for `private_key_jwt` — generated when that method is
   * chosen and no key is stored or given. The private half is sealed by the store; the public
   * half is kept in `options.publicJwk` to show.
   */
  async #keyFields(
    input: ClientInput,
    existing: RegisteredClient | undefined,
  ): Promise<{ clientKey?: string; options?: Record<string, unknown> }> {
    const auth = input.clientAuth;
    if (auth !== undefined && auth !== '' && !(CLIENT_AUTH_METHODS as readonly string[]).includes(auth))
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `Client authentication must be one of ${CLIENT_AUTH_METHODS.join(', ')} (or automatic).`,
        facts: { field: 'clientAuth' },
      });
    const options: Record<string, unknown> = { ...(existing?.options ?? {}) };
    if (auth === '') delete options.clientAuth;
    else if (auth !== undefined) options.clientAuth = auth;
    const effective = options.clientAuth;
    let pair: Awaited<ReturnType<typeof generateClientKeyPair>> | undefined;
    if (input.privateKey?.trim()) pair = await importClientPrivateKey(input.privateKey);
    else if (input.generateKey || (effective === 'private_key_jwt' && !existing?.hasClientKey))
      pair = await generateClientKeyPair();
    if (pair) options.publicJwk = pair.publicJwk;
    const changed = auth !== undefined || pair !== undefined;
    return {
      ...(pair ? { clientKey: JSON.stringify(pair.privateJwk) } : {}),
      ...(changed ? { options } : {}),
    };
  }

  async #auditSecretChange(actor: Actor, client: RegisteredClient, change: string): Promise<void> {
    await this.#o.audit?.record({
      action: 'client.secret_change',
      actor: auditActorOf(actor),
      target: { type: 'oauth_client', id: client.id },
      details: { provider: client.providerKey, name: client.name, change },
    });
  }

  async deleteClient(actor: Actor, id: string): Promise<void> {
    assertCan(actor, 'administer_oauth');
    const client = await this.#mustClient(id);
    if (client.options.builtIn)
      throw new ConsentryError('CLIENT_INVALID', { detail: 'The built-in demo client cannot be deleted.' });
    await this.#o.store.clients.delete(id);
  }

  // ── connections ─────────────────────────────────────────────────────────────

  /** Administrators see every connection; others only those they started. */
  async listConnections(
    actor: Actor,
    filter: { clientRef?: string; status?: ConnectionStatus } = {},
  ): Promise<Connection[]> {
    if (!can(actor, 'administer_oauth')) assertCan(actor, 'connect_accounts');
    const all = await this.#o.store.connections.list(filter);
    return all.filter((c) => this.#visible(actor, c));
  }

  /**
   * `listConnections` for a listing that shows no token (`consentry connections list`): the same
   * rows, order and visibility, read without opening a sealed column (issue 15).
   */
  async listConnectionSummaries(
    actor: Actor,
    filter: { clientRef?: string; status?: ConnectionStatus } = {},
  ): Promise<ConnectionSummary[]> {
    if (!can(actor, 'administer_oauth')) assertCan(actor, 'connect_accounts');
    const all = await this.#o.store.connections.listSummaries(filter);
    return all.filter((c) => this.#visible(actor, c));
  }

  async getConnection(actor: Actor, id: string): Promise<Connection> {
    const c = await this.#o.store.connections.get(id);
    if (!c || !this.#visible(actor, c))
      throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: id } });
    return c;
  }

  async refreshConnection(actor: Actor, id: string): Promise<Connection> {
    const c = await this.getConnection(actor, id);
    // A connection without a user that is not active: its grant runs again (no person to ask).
    if (c.grantType !== 'authorization_code' && c.status !== 'active') return this.#o.client.regrant(id);
    const outcome = await this.#o.client.refreshConnection(id);
    return outcome.connection as Connection;
  }

  /**
   * A connection without a user: the registered client's own token through client credentials
   * (RFC 6749 §4.4) — the console's "Connect as the application" and `consentry connections
   * create --grant client_credentials`. Administrators only (the application acts for itself).
   * `scopes` empty = the provider's default; `params` = extra token-request parameters
   * (`resource`, `audience`); `purpose` default `console`. Idempotent per (client, scopes,
   * params). Errors: FORBIDDEN, CLIENT_UNKNOWN and those of `OAuth2Client.connectClientCredentials`.
   */
  async connectApplication(
    actor: Actor,
    input: {
      clientId: string;
      scopes?: readonly string[] | undefined;
      params?: Record<string, string> | undefined;
      purpose?: string | undefined;
    },
  ): Promise<Connection> {
    assertCan(actor, 'administer_oauth');
    const client = await this.#mustClient(input.clientId);
    return this.#o.client.connectClientCredentials({
      client: client.id,
      purpose: input.purpose?.trim() || CONSOLE_PURPOSE,
      scopes: input.scopes,
      params: input.params,
      payload: actor.userId ? { userId: actor.userId } : {},
      actor: auditActorOf(actor),
    });
  }

  async revokeConnection(actor: Actor, id: string): Promise<{ atProvider: boolean }> {
    await this.getConnection(actor, id);
    return this.#o.client.revoke(id);
  }

  async deleteConnection(actor: Actor, id: string): Promise<void> {
    await this.getConnection(actor, id);
    await this.#o.client.deleteConnection(id);
  }

  /** The raw token and its decoded (unverified) JWT parts: manage-secrets only. */
  async inspectConnection(
    actor: Actor,
    id: string,
    options: { revealed?: boolean } = {},
  ): Promise<Inspection> {
    assertCan(actor, 'manage_secrets');
    const c = await this.getConnection(actor, id);
    await this.#o.audit?.record({
      action: 'connection.inspect',
      actor: auditActorOf(actor),
      target: { type: 'connection', id: c.id },
      // The console page always shows the token; the CLI only with --reveal.
      details: { provider: c.providerKey, account: c.account ?? null, revealed: options.revealed ?? true },
    });
    return {
      connectionId: c.id,
      tokenType: c.tokenType,
      accessToken: c.accessToken,
      scopes: c.scopes,
      expiresAt: c.expiresAt,
      jwt: decodeUnverifiedJwt(c.accessToken),
      idTokenClaims: c.idTokenClaims,
    };
  }

  // ── starting flows ──────────────────────────────────────────────────────────

  /** "Add (Auth Code)" / "Reconnect" from the browser: the consent URL for this session. */
  async beginConnect(
    actor: Actor,
    input: {
      clientId: string;
      session: string;
      scopes?: string[] | undefined;
      preset?: string | undefined;
      reconnect?: string | undefined;
      handoff?: string | undefined;
      /** Same-site page to come back to (default: the client's connections page). */
      returnTo?: string | undefined;
    },
  ): Promise<string> {
    if (!input.handoff) assertCan(actor, 'connect_accounts');
    const client = await this.#mustClient(input.clientId);
    const provider = this.#o.providers.has(client.providerKey)
      ? this.#o.providers.get(client.providerKey)
      : undefined;
    if (provider && !supportsConsent(provider)) {
      throw new ConsentryError('BAD_REQUEST', {
        detail: `${provider.displayName} uses client credentials only: there is no consent to start, the client gets its tokens itself.`,
      });
    }
    let scopes = input.scopes;
    if (input.reconnect) {
      const c = await this.getConnection(actor, input.reconnect);
      if (c.clientRef !== client.id) throw new ConsentryError('CONNECTION_UNKNOWN');
      if (!scopes && !input.preset && c.scopes.length) scopes = c.scopes;
    }
    const returnTo = input.returnTo
      ? assertSameSitePath(input.returnTo)
      : `/clients/${encodeURIComponent(client.id)}/connections`;
    const payload: ConsolePayload = { returnTo };
    if (actor.userId) payload.userId = actor.userId;
    if (input.handoff) payload.handoff = input.handoff;
    return this.#o.client.beginConsent({
      client: client.id,
      ...(scopes?.length ? { scopes } : {}),
      ...(input.preset ? { preset: input.preset } : {}),
      purpose: CONSOLE_PURPOSE,
      payload: payload as Record<string, unknown>,
      returnUrl: returnTo,
      session: input.session,
      ...(input.reconnect ? { reconnect: input.reconnect } : {}),
    });
  }

  /**
   * `consentry connect`: a one-time link to this server that starts the flow in whichever browser
   * opens it (the flow must be bound to that browser's session, not the terminal's).
   */
  async createHandoff(
    actor: Actor,
    input: { clientId: string; scopes?: string[] | undefined; preset?: string | undefined },
  ): Promise<{ id: string; url: string; expiresAt: Date }> {
    assertCan(actor, 'connect_accounts');
    const client = await this.#mustClient(input.clientId);
    const provider = this.#o.providers.get(client.providerKey);
    if (!supportsConsent(provider)) {
      throw new ConsentryError('BAD_REQUEST', {
        detail: `${provider.displayName} uses client credentials only: there is no consent link to hand out.`,
      });
    }
    if (input.scopes?.length && input.preset)
      throw new ConsentryError('SCOPES_INVALID', { detail: 'Give scopes or a preset, not both.' });
    if (input.preset && !provider.presets[input.preset])
      throw new ConsentryError('SCOPES_INVALID', {
        detail: `${provider.displayName} has no “${input.preset}” preset (${Object.keys(provider.presets).join(', ') || 'none'}).`,
      });
    const token = random256();
    const id = random256().slice(0, 16);
    const now = this.#now();
    const expiresAt = new Date(now.getTime() + HANDOFF_TTL_MS);
    await this.#o.handoffs.create(
      {
        id,
        tokenHash: sha256(token),
        clientRef: client.id,
        scopes: input.scopes,
        preset: input.preset,
        expiresAt,
      },
      now,
    );
    return { id, url: `${this.#o.publicBaseUrl}/connect/link/${token}`, expiresAt };
  }

  /** Opens a hand-off link (single use) and returns the provider's consent URL. */
  async followHandoff(token: string, session: string): Promise<string> {
    const h = await this.#o.handoffs.consume(sha256(token), this.#now());
    if (!h) throw new ConsentryError('HANDOFF_INVALID');
    for (const flow of this.#o.handoffFlows ?? []) {
      const url = await flow(h.id, session);
      if (url) return url;
    }
    const operator: Actor = { userId: undefined, label: 'connect link', permissions: ['connect_accounts'] };
    return this.beginConnect(operator, {
      clientId: h.clientRef,
      session,
      scopes: h.scopes,
      preset: h.preset,
      handoff: h.id,
      returnTo: CONNECT_DONE_PATH,
    });
  }

  /** The connection a hand-off produced, once the browser finished the flow. */
  async handoffResult(id: string): Promise<{
    used: boolean;
    expired: boolean;
    connection: Connection | undefined;
    failure: { code: string; message: string } | undefined;
  }> {
    const h = await this.#o.handoffs.get(id);
    if (!h) throw new ConsentryError('HANDOFF_INVALID');
    // Any purpose: a feature's own hand-off flow (handoffFlows) names the hand-off in its payload too.
    const connection = (await this.#o.store.connections.list({ clientRef: h.clientRef })).find(
      (c) => (c.payload as ConsolePayload).handoff === id,
    );
    return {
      used: h.usedAt !== undefined,
      expired: h.expiresAt <= this.#now(),
      connection,
      failure: connection ? undefined : h.failure,
    };
  }

  // ── helpers ─────────────────────────────────────────────────────────────────

  #visible(actor: Actor, c: Pick<Connection, 'payload'>): boolean {
    if (can(actor, 'administer_oauth')) return true;
    return actor.userId !== undefined && (c.payload as ConsolePayload).userId === actor.userId;
  }

  async #mustClient(id: string): Promise<RegisteredClient> {
    const c = await this.#o.store.clients.get(id);
    if (!c) throw new ConsentryError('CLIENT_UNKNOWN', { facts: { client: id } });
    return c;
  }

  #validate(
    provider: OAuth2Provider,
    input: ClientInput,
    ctx: { creating: boolean; existing?: RegisteredClient },
  ): {
    name: string;
    clientId: string;
    clientSecret: string | undefined;
    templateValues: Record<string, string>;
  } {
    const name = input.name.trim();
    if (!name || name.length > 80)
      throw new ConsentryError('CLIENT_INVALID', {
        detail: 'Name the client by its purpose (1–80 characters), e.g. “Mail” or “Sign-in”.',
        facts: { field: 'name' },
      });
    const clientId = input.clientId.trim();
    const dynamic = Boolean(this.#o.providers.quirksOf(provider).registerClient);
    if (!clientId && !dynamic)
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `Paste the Client ID from ${provider.displayName}.`,
        facts: { field: 'clientId' },
      });
    if (clientId.length > 512 || /\s/.test(clientId))
      throw new ConsentryError('CLIENT_INVALID', {
        detail: 'The Client ID has spaces or is too long.',
        facts: { field: 'clientId' },
      });
    const secret = input.clientSecret?.trim() ? input.clientSecret.trim() : undefined;
    const auth = input.clientAuth === undefined ? ctx.existing?.options.clientAuth : input.clientAuth;
    // A client that authenticates with a key (or not at all) needs no secret.
    const keyed = auth === 'private_key_jwt' || auth === 'none' || Boolean(input.privateKey?.trim());
    const needsSecret = provider.clientAuth !== 'none' && !dynamic && !keyed;
    if (needsSecret && !secret && (ctx.creating || !ctx.existing?.hasClientSecret))
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `Paste the Client Secret from ${provider.displayName}.`,
        facts: { field: 'clientSecret' },
      });
    const templateValues = validateTemplateValues(
      provider,
      input.templateValues ?? ctx.existing?.templateValues ?? {},
    );
    return { name, clientId, clientSecret: secret, templateValues };
  }

  #duplicateName(cause: unknown, provider: OAuth2Provider, name: string): unknown {
    if (isConsentryError(cause)) return cause;
    const text = String((cause as Error)?.message ?? cause);
    if (/unique|duplicate/i.test(text))
      return new ConsentryError('CLIENT_INVALID', {
        detail: `A ${provider.displayName} client named “${name}” exists already; name each client by its purpose.`,
        facts: { field: 'name' },
      });
    return cause;
  }
}
