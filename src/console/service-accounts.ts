import type { ProviderRegistry } from '../catalog/registry.ts';
import type { AuditTrail } from '../core/audit-trail.ts';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import type { Connection, RegisteredClient } from '../domain/connection.ts';
import { ConsentryError } from '../domain/errors.ts';
import {
  parseServiceAccountKey,
  type ServiceAccountFacts,
  serviceAccountFacts,
  serviceAccountOf,
} from '../protocol/service-account.ts';
import type { Store } from '../storage/ports.ts';
import { type Actor, assertCan, auditActorOf } from './actor.ts';
import { CONSOLE_PURPOSE } from './consumer.ts';

/**
 * Google service accounts as registered clients (issue 16, JWT bearer grant): the JSON key file
 * is uploaded once, its private key sealed at rest (the `client_key` column the `private_key_jwt`
 * clients use, bound to the client row), and never shown again — pages and the CLI show only the
 * account (`client_email`), the key id (`private_key_id`) and the numeric client id an
 * administrator grants domain-wide delegation to.
 *
 * The client's `clientId` is the account's `client_email` (the assertion's `iss`);
 * `options.serviceAccount` keeps the public facts (ServiceAccountFacts); `options.grant` is
 * `jwt_bearer`, which keeps the client out of consent flows.
 */
export interface ServiceAccountAdminOptions {
  store: Store;
  client: OAuth2Client;
  providers: ProviderRegistry;
  audit?: AuditTrail | undefined;
}

export interface ServiceAccountImport {
  /** What it serves, e.g. “Mail”. Default: the account's address. */
  name?: string | undefined;
  /** The JSON key file's text. */
  keyFile: string;
}

export class ServiceAccountAdmin {
  readonly #o: ServiceAccountAdminOptions;

  constructor(options: ServiceAccountAdminOptions) {
    this.#o = options;
  }

  /** Whether a registered client is a service account (and its public facts). */
  factsOf(client: RegisteredClient): ServiceAccountFacts | undefined {
    return serviceAccountOf(client);
  }

  /**
   * Registers a service account from its JSON key file for a provider whose entry lists the
   * `jwt_bearer` grant (Google).
   * @throws SERVICE_ACCOUNT_KEY_INVALID (bad file, `facts.field`), GRANT_UNSUPPORTED-like
   *   CLIENT_INVALID when the provider has no JWT bearer grant, FORBIDDEN without
   *   administer_oauth + manage_secrets.
   */
  async importKey(actor: Actor, providerKey: string, input: ServiceAccountImport): Promise<RegisteredClient> {
    assertCan(actor, 'administer_oauth');
    assertCan(actor, 'manage_secrets');
    const provider = this.#o.providers.get(providerKey);
    if (!provider.grants.includes('jwt_bearer'))
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `${provider.displayName} does not take service-account keys (no JWT bearer grant).`,
        facts: { provider: provider.key },
      });
    const key = parseServiceAccountKey(input.keyFile);
    const name = input.name?.trim() || key.clientEmail;
    if (name.length > 200) throw new ConsentryError('CLIENT_INVALID', { detail: 'The name is too long.' });
    const existing = await this.#o.store.clients.list({ providerKey });
    if (existing.some((c) => c.name === name))
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `A ${provider.displayName} client named “${name}” already exists.`,
        facts: { field: 'name' },
      });
    const client = await this.#o.store.clients.create({
      providerKey,
      name,
      clientId: key.clientEmail,
      clientKey: JSON.stringify(key.privateJwk),
      options: { grant: 'jwt_bearer', serviceAccount: serviceAccountFacts(key) },
    });
    await this.#audit(actor, client, 'service_account_key_created');
    return client;
  }

  /**
   * Replaces the key of a service account (key rotation at Google): the new file must be of the
   * same account (`client_email`). Clears a `client_invalid` flag: its connections resume.
   * @throws SERVICE_ACCOUNT_KEY_INVALID; CLIENT_INVALID when the client is not a service account
   *   or the file is another account's.
   */
  async replaceKey(actor: Actor, clientRef: string, keyFile: string): Promise<RegisteredClient> {
    assertCan(actor, 'administer_oauth');
    assertCan(actor, 'manage_secrets');
    const client = await this.#o.store.clients.get(clientRef);
    if (!client) throw new ConsentryError('CLIENT_UNKNOWN', { facts: { client: clientRef } });
    const facts = serviceAccountOf(client);
    if (!facts)
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `“${client.name}” is not a service account.`,
        facts: { client: client.id },
      });
    const key = parseServiceAccountKey(keyFile);
    if (key.clientEmail !== facts.clientEmail)
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `This key belongs to ${key.clientEmail}, not to ${facts.clientEmail}: register it as its own client.`,
        facts: { client: client.id, field: 'client_email' },
      });
    const updated = await this.#o.store.clients.update(client.id, {
      clientKey: JSON.stringify(key.privateJwk),
      options: { ...client.options, grant: 'jwt_bearer', serviceAccount: serviceAccountFacts(key) },
      // Re-saving the template values is what clears a `client_invalid` flag (clients repository):
      // the new key is the administrator's fix.
      templateValues: client.templateValues,
    });
    if (!updated) throw new ConsentryError('CLIENT_UNKNOWN', { facts: { client: clientRef } });
    await this.#audit(actor, updated, 'service_account_key_replaced');
    return updated;
  }

  /**
   * The scopes a preset stands for with a service account: only its API scopes (`https://…`) —
   * `openid`/`email`/`profile` are for signing a person in, which an assertion does not do.
   * @throws SCOPES_INVALID for an unknown preset.
   */
  presetScopes(client: RegisteredClient, preset: string): string[] {
    const provider = this.#o.providers.get(client.providerKey);
    const scopes = provider.presets[preset];
    if (!scopes)
      throw new ConsentryError('SCOPES_INVALID', {
        detail: `${provider.displayName} has no “${preset}” preset (${Object.keys(provider.presets).join(', ')}).`,
      });
    return scopes.filter((s) => s.startsWith('https://'));
  }

  /**
   * A connection acting as `subject` (domain-wide delegation; blank = the account itself) with
   * `scopes` (or a preset's API scopes), for `purpose` (default the console's). Idempotent per
   * (key, subject, scopes). A `client_invalid` flag left by a missing delegation is lifted before
   * the attempt (this is the administrator's retry); a new refusal flags the client again.
   * @throws FORBIDDEN without connect_accounts; CLIENT_INVALID (not a service account); the
   *   errors of OAuth2Client.connectServiceAccount.
   */
  async connect(
    actor: Actor,
    input: {
      client: string;
      subject?: string | undefined;
      scopes?: readonly string[] | undefined;
      preset?: string | undefined;
      purpose?: string | undefined;
    },
  ): Promise<Connection> {
    assertCan(actor, 'connect_accounts');
    const client = await this.#o.store.clients.get(input.client);
    if (!client) throw new ConsentryError('CLIENT_UNKNOWN', { facts: { client: input.client } });
    if (!serviceAccountOf(client))
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `“${client.name}” is not a service account.`,
        facts: { client: client.id },
      });
    if (input.scopes?.length && input.preset)
      throw new ConsentryError('SCOPES_INVALID', { detail: 'Give scopes or a preset, not both.' });
    const scopes = input.scopes?.length
      ? [...input.scopes]
      : this.presetScopes(client, input.preset ?? 'mail');
    // An administrator's connect is the retry after fixing the delegation: a `client_invalid` flag
    // is lifted first (re-saving the template values clears it); a new refusal sets it again.
    if (client.refusal)
      await this.#o.store.clients.update(client.id, { templateValues: client.templateValues });
    const connection = await this.#o.client.connectServiceAccount({
      client: client.id,
      subject: input.subject,
      scopes,
      purpose: input.purpose?.trim() || CONSOLE_PURPOSE,
      payload: actor.userId ? { userId: actor.userId } : {},
      actor: auditActorOf(actor),
    });
    return connection;
  }

  async #audit(actor: Actor, client: RegisteredClient, change: string): Promise<void> {
    const facts = serviceAccountOf(client);
    await this.#o.audit?.record({
      action: 'client.secret_change',
      actor: auditActorOf(actor),
      target: { type: 'oauth_client', id: client.id },
      details: {
        provider: client.providerKey,
        name: client.name,
        change,
        account: facts?.clientEmail ?? null,
        keyId: facts?.privateKeyId ?? null,
      },
    });
  }
}
