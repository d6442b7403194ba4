import type { ProviderRegistry } from '../../catalog/registry.ts';
import { type Actor, assertCan, can } from '../../console/actor.ts';
import { CONNECT_DONE_PATH } from '../../console/consumer.ts';
import type { OAuth2Client } from '../../core/oauth2-client.ts';
import type { Connection } from '../../domain/connection.ts';
import { ConsentryError, ERROR_CATALOGUE, isConsentryError } from '../../domain/errors.ts';
import { redact } from '../../domain/redact.ts';
import { serviceAccountOf } from '../../protocol/service-account.ts';
import type { MailboxRepository } from '../../storage/mailboxes.repository.ts';
import type { Store } from '../../storage/ports.ts';
import { isImapAuthFailure, listNewestWithBearer } from './imap.ts';
import { MAIL_PURPOSE } from './mail-consumer.ts';
import { safeCause, serverReply, transportError } from './mail-errors.ts';
import type { Mailbox, MailboxHealth, MailServer, MessageSummary } from './mailbox.ts';
import { assertMailServer, MAIL_SERVER_DEFAULTS, type MailServerDefaults } from './servers.ts';
import { isSmtpAuthFailure, type OutgoingMessage, type SentMessage, sendWithXoauth2 } from './smtp.ts';

/**
 * Mailbox accounts and what a feature does with them: connect (one consent, `mail` preset),
 * send over SMTP and read the inbox over IMAP with the access token.
 *
 * Every use calls `ensureFresh` first, so the bearer is valid for the poll and the send. A mail
 * server that still refuses it (revoked at the provider, clock skew, a server-side cache) gets ONE
 * forced refresh and ONE retry; a second refusal is an error, never a loop.
 *
 * Mailboxes belong to the console user who added them. Methods given an `Actor` (the console
 * pages) act only on that user's mailboxes, or on all of them for `administer_oauth`; another
 * user's mailbox is "No such mailbox" (404) — its existence is not confirmed. Without an actor the
 * caller is the embedding platform's own code or the CLI operator, which see every mailbox.
 */
export interface MailServiceDeps {
  mailboxes: MailboxRepository;
  store: Store;
  providers: ProviderRegistry;
  /** Late-bound: the client is created after the consumers it dispatches to. */
  client: () => OAuth2Client;
  /**
   * The egress module's check of a mail server (src/egress): resolves the host, refuses internal
   * addresses the operator did not allow, and returns the address to connect to.
   */
  resolveServer: (host: string, port: number) => Promise<{ address: string; servername: string | undefined }>;
  /** Extra per-provider server defaults (the demo provider's test servers). */
  serverDefaults?: Record<string, MailServerDefaults>;
  /** Providers that cannot serve mailboxes here, with the sentence that says why. */
  unavailable?: Record<string, string>;
  timeoutMs?: number;
  now?: () => Date;
}

export interface NewMailboxInput {
  clientRef: string;
  /** May be blank: filled from the connected account's email on first connect. */
  address?: string | undefined;
  displayName?: string | undefined;
  imap?: MailServer | undefined;
  smtp?: MailServer | undefined;
  /** The owning console user (ignored when an actor creates it: the actor owns it). */
  ownerRef?: string | undefined;
  /**
   * `user` (default): a person consents for their own mailbox (authorization code, `mail`
   * preset). `application`: app-only access — the registered client's own token (client
   * credentials, RFC 6749 §4.4, with the provider's app-only mail scopes, Microsoft
   * `https://outlook.office365.com/.default`) acts as `address`, which is then required.
   * Administrators (`administer_oauth`) only: the application can act as any mailbox it was given.
   */
  access?: 'user' | 'application' | undefined;
  /**
   * With `access: 'application'`: an existing client-credentials connection of the same client to
   * use (it must carry the app-only mail scopes). Absent: Consentry connects the application
   * (idempotent — mailboxes of one client share one application connection).
   */
  connectionRef?: string | undefined;
}

/** Which transport refused, and how it said so: for the retry decision and a safe message. */
interface MailOp<T> {
  what: 'SMTP' | 'IMAP';
  server: MailServer;
  /** `bearer(renew)` hands out the access token; see #withBearer. */
  run: (user: string, bearer: (renew: boolean) => Promise<string>) => Promise<T>;
  isAuthFailure: (e: unknown) => boolean;
}

const ADDRESS = /^[^\s@<>()",;:]{1,64}@[A-Za-z0-9.-]{1,253}$/;

export class MailService {
  readonly #d: MailServiceDeps;
  readonly #defaults: Record<string, MailServerDefaults>;
  readonly #now: () => Date;

  constructor(deps: MailServiceDeps) {
    this.#d = deps;
    this.#defaults = { ...MAIL_SERVER_DEFAULTS, ...(deps.serverDefaults ?? {}) };
    this.#now = deps.now ?? (() => new Date());
  }

  /**
   * Why a provider cannot be used for mailboxes here (the demo provider without a test mail
   * server), or undefined. Pages leave such clients out and say this sentence instead.
   */
  unavailableReason(providerKey: string): string | undefined {
    return this.#d.unavailable?.[providerKey];
  }

  /** Server settings a provider's accounts get when the administrator enters none. */
  defaultsFor(providerKey: string): MailServerDefaults | undefined {
    return this.#defaults[providerKey];
  }

  /** Whether `actor` sees every console user's mailboxes (administrators). */
  seesAll(actor: Actor | undefined): boolean {
    return !actor || can(actor, 'administer_oauth');
  }

  async createAccount(input: NewMailboxInput, actor?: Actor): Promise<Mailbox> {
    if (actor) assertCan(actor, 'connect_accounts');
    const ownerRef = actor ? actor.userId : input.ownerRef;
    const client = await this.#d.store.clients.get(input.clientRef);
    if (!client) throw new ConsentryError('CLIENT_UNKNOWN', { facts: { client: input.clientRef } });
    const provider = this.#d.providers.get(client.providerKey);
    if (input.access === 'application')
      return this.#createAppOnly(input, client.id, client.providerKey, actor);
    if (!provider.presets.mail) {
      throw new ConsentryError('MAIL_SETTINGS_INVALID', {
        detail: `${provider.displayName} has no “mail” scope preset, so it cannot authorize IMAP and SMTP.`,
      });
    }
    const address = (input.address ?? '').trim();
    if (address && !ADDRESS.test(address)) {
      throw new ConsentryError('MAIL_SETTINGS_INVALID', { detail: 'The address is not an email address.' });
    }
    // Mail server settings are an administrator's choice (issue 10, finding 2): anyone else gets
    // the provider's servers, so a user cannot point Consentry's sockets at hosts of their choosing.
    if (actor && !can(actor, 'administer_oauth') && (input.imap || input.smtp)) {
      throw new ConsentryError('FORBIDDEN', {
        detail:
          'Only administrators (Administer OAuth) choose mail servers; leave the server settings blank to use the provider’s.',
      });
    }
    const defaults = this.defaultsFor(client.providerKey);
    const imap = input.imap ?? defaults?.imap;
    const smtp = input.smtp ?? defaults?.smtp;
    if (!imap || !smtp) {
      throw new ConsentryError('MAIL_SETTINGS_INVALID', {
        detail:
          this.unavailableReason(client.providerKey) ??
          `There are no known mail servers for ${provider.displayName}; an administrator must enter the IMAP and SMTP servers.`,
      });
    }
    return this.#d.mailboxes.create(
      {
        clientRef: client.id,
        address,
        displayName: input.displayName?.trim() || undefined,
        imap: assertMailServer(imap, 'IMAP'),
        smtp: assertMailServer(smtp, 'SMTP'),
        ownerRef,
      },
      this.#now(),
    );
  }

  /** Whether the mailbox's client is a Google service account (no consent: domain-wide delegation). */
  async isServiceAccount(m: Mailbox): Promise<boolean> {
    const client = await this.#d.store.clients.get(m.clientRef);
    return client !== undefined && serviceAccountOf(client) !== undefined;
  }

  /**
   * Connects a mailbox whose client is a Google service account: no consent screen — the account
   * acts as the mailbox's address (domain-wide delegation, the JWT bearer grant) with the `https://`
   * scopes of the provider's `mail` preset (`https://mail.google.com/`), and XOAUTH2 then
   * authenticates as that address. Idempotent (one connection per key, address and scopes).
   * @throws MAIL_SETTINGS_INVALID (no address, not a service account), and the grant's errors
   *   (CLIENT_REFUSED when delegation is missing, TOKEN_REQUEST_REJECTED …).
   */
  async connectServiceAccount(accountId: string, actor?: Actor): Promise<Connection> {
    const m = await this.get(accountId, actor);
    const client = await this.#d.store.clients.get(m.clientRef);
    if (!client || !serviceAccountOf(client))
      throw new ConsentryError('MAIL_SETTINGS_INVALID', {
        detail: 'This mailbox is connected by consent, not by a service account.',
      });
    if (!m.address)
      throw new ConsentryError('MAIL_SETTINGS_INVALID', {
        detail: 'A service account acts as the mailbox’s address: enter it first.',
      });
    const provider = this.#d.providers.get(client.providerKey);
    const scopes = (provider.presets.mail ?? []).filter((s) => s.startsWith('https://'));
    const payload: Record<string, unknown> = { accountId: m.id };
    if (m.ownerRef) payload.userId = m.ownerRef;
    // Connecting is the retry after a missing delegation was granted: a `client_invalid` flag is
    // lifted first (re-saving the template values clears it, clients repository); a refusal sets it again.
    if (client.refusal)
      await this.#d.store.clients.update(client.id, { templateValues: client.templateValues });
    const connection = await this.#d.client().connectServiceAccount({
      client: client.id,
      subject: m.address,
      scopes,
      purpose: MAIL_PURPOSE,
      payload,
    });
    if (m.connectionRef !== connection.id) {
      const previous = m.connectionRef;
      await this.#d.mailboxes.setConnection(m.id, connection.id, this.#now());
      // The old connection is dropped only when no other mailbox uses it.
      if (previous && !(await this.#d.mailboxes.byConnection(previous)))
        await this.#d.store.connections.delete(previous);
    }
    await this.#d.mailboxes.setHealth(m.id, { healthNote: null, lastError: null }, this.#now());
    return connection;
  }

  /**
   * A mailbox with app-only access: validated like any mailbox, bound to the application's
   * client-credentials connection (made first, so a refused token request creates nothing).
   * @throws FORBIDDEN (not an administrator), MAIL_SETTINGS_INVALID (no address, or the provider
   * has no app-only mail access), CONNECTION_UNKNOWN / BAD_REQUEST (an unusable `connectionRef`),
   * and the token request's errors (`connectClientCredentials`).
   */
  async #createAppOnly(
    input: NewMailboxInput,
    clientRef: string,
    providerKey: string,
    actor: Actor | undefined,
  ): Promise<Mailbox> {
    if (actor && !can(actor, 'administer_oauth'))
      throw new ConsentryError('FORBIDDEN', {
        detail: 'Only administrators (Administer OAuth) add mailboxes with application access.',
      });
    const provider = this.#d.providers.get(providerKey);
    const address = (input.address ?? '').trim();
    if (!ADDRESS.test(address))
      throw new ConsentryError('MAIL_SETTINGS_INVALID', {
        detail: 'Application access needs the address of the mailbox to act as.',
      });
    const defaults = this.defaultsFor(providerKey);
    const scopes = defaults?.appOnlyScopes;
    if (!scopes || !provider.grants.includes('client_credentials'))
      throw new ConsentryError('MAIL_SETTINGS_INVALID', {
        detail: `${provider.displayName} has no application (app-only) access to mailboxes here.`,
      });
    const imap = input.imap ?? defaults.imap;
    const smtp = input.smtp ?? defaults.smtp;
    let connectionRef: string;
    if (input.connectionRef) {
      const c = await this.#d.store.connections.get(input.connectionRef);
      if (!c) throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: input.connectionRef } });
      if (c.clientRef !== clientRef || c.grantType !== 'client_credentials')
        throw new ConsentryError('BAD_REQUEST', {
          detail: 'The connection is not a client-credentials connection of this client.',
          facts: { connection: c.id },
        });
      connectionRef = c.id;
    } else {
      const c = await this.#d.client().connectClientCredentials({
        client: clientRef,
        purpose: MAIL_PURPOSE,
        scopes,
        payload: { access: 'application' },
        ...(actor?.userId ? { actor: { kind: 'user', id: actor.userId, label: actor.userId } } : {}),
      });
      connectionRef = c.id;
    }
    const m = await this.#d.mailboxes.create(
      {
        clientRef,
        address,
        displayName: input.displayName?.trim() || undefined,
        imap: assertMailServer(imap, 'IMAP'),
        smtp: assertMailServer(smtp, 'SMTP'),
        ownerRef: actor ? actor.userId : input.ownerRef,
      },
      this.#now(),
    );
    await this.#d.mailboxes.setConnection(m.id, connectionRef, this.#now());
    return (await this.#d.mailboxes.get(m.id))!;
  }

  /**
   * Whether the mailbox uses an application connection (client credentials): no person consents,
   * the application acts as the mailbox's address.
   */
  async accessOf(m: Mailbox): Promise<'user' | 'application'> {
    if (!m.connectionRef) return 'user';
    const c = await this.#d.store.connections.get(m.connectionRef);
    return c && c.grantType !== 'authorization_code' ? 'application' : 'user';
  }

  /**
   * App-only mailboxes: requests the application token again (after an administrator fixed the
   * app registration or its mailbox permission). A person's mailbox reconnects with `beginConnect`.
   * @throws BAD_REQUEST for a person's mailbox; the grant's errors.
   */
  async renewApplicationAccess(accountId: string, actor?: Actor): Promise<Mailbox> {
    const m = await this.get(accountId, actor);
    if ((await this.accessOf(m)) !== 'application')
      throw new ConsentryError('BAD_REQUEST', {
        detail: 'This mailbox is connected by its user: reconnect it.',
      });
    await this.#d.client().regrant(m.connectionRef!);
    await this.#d.mailboxes.setHealth(m.id, { healthNote: null, lastError: null }, this.#now());
    return this.get(m.id);
  }

  async get(accountId: string, actor?: Actor): Promise<Mailbox> {
    if (actor) assertCan(actor, 'connect_accounts');
    const m = await this.#d.mailboxes.get(accountId);
    if (m && (this.seesAll(actor) || (actor?.userId !== undefined && m.ownerRef === actor.userId))) return m;
    throw new ConsentryError('MAIL_ACCOUNT_UNKNOWN', {
      ...(actor && !this.seesAll(actor)
        ? {
            detail:
              'Mailboxes are visible only to the console user who added them and to administrators (Administer OAuth).',
          }
        : {}),
      facts: { account: accountId },
    });
  }

  /** Every mailbox (no actor, administrators) or the actor's own. */
  async list(actor?: Actor): Promise<Mailbox[]> {
    if (actor) assertCan(actor, 'connect_accounts');
    if (this.seesAll(actor)) return this.#d.mailboxes.list();
    if (actor?.userId === undefined) return [];
    return this.#d.mailboxes.list({ ownerRef: actor.userId });
  }

  async delete(accountId: string, actor?: Actor): Promise<void> {
    const m = await this.get(accountId, actor);
    const application = (await this.accessOf(m)) === 'application';
    await this.#d.mailboxes.delete(m.id);
    // An application connection is shared by the client's app-only mailboxes: it stays.
    if (m.connectionRef && !application) await this.#d.store.connections.delete(m.connectionRef);
  }

  /**
   * The consent URL that connects (or reconnects) the account. A reconnect is a fresh consent
   * whose connection replaces the old one only once it is stored (see the consumer).
   */
  async beginConnect(
    accountId: string,
    options: { session: string; returnUrl: string; handoff?: string | undefined },
    actor?: Actor,
  ): Promise<string> {
    const m = await this.get(accountId, actor);
    if ((await this.accessOf(m)) === 'application')
      throw new ConsentryError('BAD_REQUEST', {
        detail: 'This mailbox uses application access: request the application token again instead.',
      });
    // `userId` = the owner: the console's Connections list shows the connection to them too.
    const payload: Record<string, unknown> = { accountId: m.id };
    if (m.ownerRef) payload.userId = m.ownerRef;
    if (options.handoff) payload.handoff = options.handoff;
    return this.#d.client().beginConsent({
      client: m.clientRef,
      preset: 'mail',
      purpose: MAIL_PURPOSE,
      payload,
      returnUrl: options.returnUrl,
      session: options.session,
    });
  }

  /**
   * `consentry mailboxes connect`: the console's one-time link (created by the CLI) will start
   * this mailbox's `mail` flow in whichever browser opens it (see `followHandoff`).
   */
  async attachHandoff(accountId: string, handoffId: string): Promise<void> {
    const m = await this.get(accountId);
    await this.#d.mailboxes.setHandoff(m.id, handoffId, this.#now());
  }

  /**
   * Called by the console when a one-time link is opened: if the link was made for a mailbox, the
   * consent URL of that mailbox's flow (the link's payload names it, so the CLI sees the connection
   * arrive); otherwise undefined and the console starts a plain connection.
   */
  async followHandoff(handoffId: string, session: string): Promise<string | undefined> {
    const m = await this.#d.mailboxes.byHandoff(handoffId);
    if (!m) return undefined;
    await this.#d.mailboxes.setHandoff(m.id, undefined, this.#now());
    return this.beginConnect(m.id, { session, returnUrl: CONNECT_DONE_PATH, handoff: handoffId });
  }

  async health(accountOrId: string | Mailbox, actor?: Actor): Promise<MailboxHealth> {
    const m = typeof accountOrId === 'string' ? await this.get(accountOrId, actor) : accountOrId;
    const c = m.connectionRef ? await this.#d.store.connections.get(m.connectionRef) : undefined;
    if (!c) return { state: 'not_connected', message: 'Not connected yet.' };
    if (c.status !== 'active') {
      const why =
        c.statusReason ?? (c.status === 'revoked' ? 'the connection was revoked.' : 'the grant ended.');
      return { state: 'reconnect', message: `Reconnect your mailbox: ${why}`, account: c.account };
    }
    // Redacted again on the way out: rows stored before redaction covered derived forms.
    if (m.lastError?.startsWith(ERROR_CATALOGUE.MAIL_SERVER_FAILED.message)) {
      // A network or protocol fault at the mail server, not a refused token: reconnecting the
      // grant would not help, so say what happened and what to check instead.
      return {
        state: 'unreachable',
        message: `${redact(m.lastError)} The connection to the provider is fine: check the server settings (host, port, security) or whether the mail server is running, then try again.`,
        account: c.account,
      };
    }
    if (m.lastError) return { state: 'error', message: redact(m.lastError), account: c.account };
    if (m.healthNote) return { state: 'error', message: m.healthNote, account: c.account };
    return { state: 'ok', message: 'Connected.', account: c.account, expiresAt: c.expiresAt };
  }

  /** Sends one message from the account over SMTP (XOAUTH2). */
  async send(accountId: string, message: OutgoingMessage, actor?: Actor): Promise<SentMessage> {
    const m = await this.get(accountId, actor);
    const timeoutMs = this.#d.timeoutMs ?? 15_000;
    return this.#withBearer(m, {
      what: 'SMTP',
      server: m.smtp,
      isAuthFailure: isSmtpAuthFailure,
      run: async (user, bearer) =>
        sendWithXoauth2({
          server: m.smtp,
          target: await this.#d.resolveServer(m.smtp.host, m.smtp.port),
          user,
          bearer,
          from: { address: m.address, name: m.displayName },
          message,
          timeoutMs,
        }),
    });
  }

  /** The newest messages of the account's INBOX over IMAP, newest first. */
  async listNewest(
    accountId: string,
    options: { limit?: number } = {},
    actor?: Actor,
  ): Promise<MessageSummary[]> {
    const m = await this.get(accountId, actor);
    const limit = Math.min(Math.max(options.limit ?? 10, 1), 100);
    const timeoutMs = this.#d.timeoutMs ?? 15_000;
    return this.#withBearer(m, {
      what: 'IMAP',
      server: m.imap,
      isAuthFailure: isImapAuthFailure,
      run: async (user, bearer) =>
        listNewestWithBearer({
          server: m.imap,
          target: await this.#d.resolveServer(m.imap.host, m.imap.port),
          user,
          accessToken: await bearer(false),
          limit,
          timeoutMs,
        }),
    });
  }

  /**
   * Runs a mail operation with the account's bearer. `bearer(false)` is `ensureFresh`;
   * `bearer(true)` — asked by nodemailer inside the SMTP session after a refused XOAUTH2, or by us
   * before the single retry — is ONE forced refresh. A second refusal ends the operation.
   */
  async #withBearer<T>(m: Mailbox, op: MailOp<T>): Promise<T> {
    if (!m.connectionRef) throw new ConsentryError('MAIL_NOT_CONNECTED', { facts: { account: m.id } });
    if (!m.address)
      throw new ConsentryError('MAIL_SETTINGS_INVALID', { detail: 'The mailbox has no address.' });
    const client = this.#d.client();
    const connectionId = m.connectionRef;
    let renewed = false;
    let renewNext = false;
    let tokenFailure: ConsentryError | undefined;
    const tokens: string[] = [];
    const bearer = async (renew: boolean): Promise<string> => {
      const force = renew || renewNext;
      try {
        if (force && renewed) {
          throw new ConsentryError('MAIL_AUTH_FAILED', {
            detail: `${op.what} server ${op.server.host} refused the refreshed token too.`,
            facts: { account: m.id, transport: op.what },
          });
        }
        const token = force ? await client.refresh(connectionId) : await client.ensureFresh(connectionId);
        if (force) renewed = true;
        renewNext = false;
        tokens.push(token.accessToken);
        return token.accessToken;
      } catch (e) {
        // Kept aside: the transport gets a bare error (nodemailer rewrites the code of what it is given).
        tokenFailure = this.#tokenError(m, e);
        throw new Error('no access token');
      }
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await op.run(m.address, bearer);
        await this.#d.mailboxes.markUsed(m.id, this.#now());
        return result;
      } catch (e) {
        if (tokenFailure) throw await this.#fail(m, tokenFailure);
        if (!op.isAuthFailure(e)) throw await this.#fail(m, transportError(op.what, e, tokens));
        // Refused, and no forced refresh yet (a server that answers 535 without the XOAUTH2
        // challenge, or IMAP): one forced refresh and one retry. attempt ≤ 2 bounds it regardless.
        if (!renewed && attempt < 2) {
          renewNext = true;
          continue;
        }
        throw await this.#fail(
          m,
          new ConsentryError('MAIL_AUTH_FAILED', {
            detail: `${op.what} server ${op.server.host} said: ${serverReply(e, tokens)}`,
            facts: { account: m.id, transport: op.what },
            cause: safeCause(e, tokens),
          }),
        );
      }
    }
  }

  /** Token steps fail with a mailbox-level message: "Reconnect your mailbox" when the grant is gone. */
  #tokenError(m: Mailbox, e: unknown): ConsentryError {
    if (!isConsentryError(e)) return new ConsentryError('INTERNAL', { cause: e });
    const grantGone =
      e.code === 'CONNECTION_NEEDS_REAUTH' ||
      e.code === 'CONNECTION_REVOKED' ||
      e.code === 'CONNECTION_NO_REFRESH_TOKEN' ||
      (e.code === 'TOKEN_REQUEST_REJECTED' && e.facts.oauthError === 'invalid_grant');
    if (grantGone) {
      return new ConsentryError('MAIL_RECONNECT_NEEDED', {
        facts: { account: m.id, reason: e.code },
        cause: e,
      });
    }
    if (e.code === 'CONNECTION_UNKNOWN')
      return new ConsentryError('MAIL_NOT_CONNECTED', { facts: { account: m.id } });
    return e;
  }

  async #fail(m: Mailbox, error: ConsentryError): Promise<ConsentryError> {
    await this.#d.mailboxes.setHealth(m.id, { lastError: redact(error.message) }, this.#now());
    return error;
  }
}
