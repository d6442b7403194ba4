import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Connection } from '../domain/connection.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { ConnectionRepository, OutreachRecord, OutreachRepository } from '../storage/ports.ts';
import type { ConnectionEvent, OAuth2Consumer } from './consumers.ts';
import type { OutreachTextFor } from './outreach-text.ts';
import { random256 } from './random.ts';

/**
 * Reconnect outreach (issue 11): when a connection ends in `needs_reauth`, the feature that owns it
 * can send its end user a signed, single-use, expiring link that re-runs consent for the SAME
 * connection id, with the same purpose and payload. By email through `SMTP_URL`, or handed to the
 * feature to deliver itself. A consumer opts in with `reconnectOutreach`; anyone holding the
 * client may also call `send` directly.
 *
 * The link is `${PUBLIC_BASE_URL}/reconnect/<id>.<mac>`: `id` is 256 random bits (the row's key),
 * `mac` an HMAC-SHA256 over (id, connection, expiry) with a key derived from the secret box — the
 * database holds no usable link, and a link cannot be pointed at another connection or extended.
 * Single use: the first "Continue" marks the row used (one conditional UPDATE); the landing page
 * itself (a GET, which mail scanners prefetch) consumes nothing.
 */
export interface ReconnectOutreachOptions {
  repository: OutreachRepository;
  connections: Pick<ConnectionRepository, 'get'>;
  client: { beginConsent(options: import('./oauth2-client.ts').BeginConsentOptions): Promise<string> };
  consumers: { has(purpose: string): boolean; get(purpose: string): OAuth2Consumer };
  providerName(key: string): string;
  publicBaseUrl: string;
  /** HMAC keys, current first (SecretBox.derivedKeys('reconnect-outreach')). */
  keys: readonly Buffer[];
  /** Sends an email; undefined when SMTP_URL is not configured. Throws with an SMTP code on failure. */
  mailer?: ((m: { to: string; subject: string; text: string }) => Promise<void>) | undefined;
  emit(event: ConnectionEvent): void;
  /** The email's text in the recipient's language (the i18n data files, wired by src/app.ts). */
  text: OutreachTextFor;
  /** Default lifetime of a link, seconds (7 days). */
  ttlSeconds?: number;
  now?: () => Date;
}

/** How a consumer opts in (OAuth2Consumer.reconnectOutreach). */
export interface ReconnectOutreachOptIn {
  /** Email address of the connection's end user; undefined: no email (see `deliver`). */
  recipient?(connection: Connection): string | undefined | Promise<string | undefined>;
  /**
   * The end user's language for the email, a BCP 47 tag such as `fr` or `de-CH` (the pages follow
   * the browser's `Accept-Language` instead); undefined or unsupported: English.
   */
  language?(connection: Connection): string | undefined | Promise<string | undefined>;
  /** Deliver the link yourself (in-app, chat); used instead of email when given. */
  deliver?(link: SentLink): void | Promise<void>;
  /** Lifetime of the link, seconds (default 7 days, at most 30 days). */
  ttlSeconds?: number;
}

export interface SentLink {
  id: string;
  connectionId: string;
  url: string;
  expiresAt: Date;
  channel: 'email' | 'link';
  /** Email only: whether the SMTP server accepted it, else why not. */
  sent?: boolean;
  error?: string;
}

export interface OutreachView extends OutreachRecord {
  state: 'pending' | 'used' | 'completed' | 'expired' | 'failed';
  providerKey: string | undefined;
  account: string | undefined;
  purpose: string | undefined;
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;
const MAX_TTL = 30 * 86_400;

export class ReconnectOutreach {
  readonly #o: ReconnectOutreachOptions;
  readonly #now: () => Date;

  constructor(options: ReconnectOutreachOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Creates a link for a connection (any status but `revoked`). With `email` it is sent through
   * SMTP (OUTREACH_UNAVAILABLE when SMTP_URL is not set); without, the URL is returned for the
   * caller to deliver. `language` (BCP 47, e.g. `fr`) picks the email's language; English when
   * undefined or not supported. Throws CONNECTION_UNKNOWN, OUTREACH_UNAVAILABLE.
   */
  async send(
    connectionId: string,
    options: { email?: string | undefined; ttlSeconds?: number; language?: string | undefined } = {},
  ): Promise<SentLink> {
    const c = await this.#o.connections.get(connectionId);
    if (!c) throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: connectionId } });
    if (c.status === 'revoked')
      throw new ConsentryError('OUTREACH_UNAVAILABLE', {
        detail: 'The connection was revoked; connect anew instead.',
      });
    if (options.email !== undefined && !EMAIL.test(options.email))
      throw new ConsentryError('OUTREACH_UNAVAILABLE', { detail: 'The recipient is not an email address.' });
    if (options.email !== undefined && !this.#o.mailer)
      throw new ConsentryError('OUTREACH_UNAVAILABLE', { detail: 'Email needs SMTP_URL to be configured.' });
    const now = this.#now();
    const ttl = Math.min(Math.max(60, options.ttlSeconds ?? this.#o.ttlSeconds ?? 7 * 86_400), MAX_TTL);
    const id = random256();
    const expiresAt = new Date(now.getTime() + ttl * 1000);
    const channel = options.email ? 'email' : 'link';
    await this.#o.repository.create({
      id,
      connectionRef: c.id,
      channel,
      recipient: options.email,
      createdAt: now,
      expiresAt,
    });
    const url = `${this.#o.publicBaseUrl}/reconnect/${id}.${mac(this.#o.keys[0]!, id, c.id, expiresAt)}`;
    const link: SentLink = { id, connectionId: c.id, url, expiresAt, channel };
    if (options.email) {
      const text = this.#o.text(options.language);
      const values = this.#values(c, text.formatDateTime(expiresAt), url);
      try {
        await this.#o.mailer!({
          to: options.email,
          subject: text.text('mailSubject', values),
          text: text.text('mailBody', values),
        });
        await this.#o.repository.markSent(id, this.#now());
        link.sent = true;
      } catch (e) {
        // The SMTP reply code only: server messages can quote what they received.
        const code =
          (e as { responseCode?: number; code?: string }).responseCode ?? (e as { code?: string }).code;
        link.sent = false;
        link.error = `mail not sent (${code ?? 'unknown error'})`;
        await this.#o.repository.markSent(id, this.#now(), link.error);
      }
    }
    this.#o.emit({
      type: 'outreach_created',
      connectionId: c.id,
      purpose: c.purpose,
      outreachId: id,
      channel,
      expiresAt,
    });
    return link;
  }

  /** What the landing page shows; throws OUTREACH_INVALID for a bad, used or expired link. */
  async inspect(
    token: string,
  ): Promise<{ record: OutreachRecord; connection: Connection; providerName: string }> {
    const m = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) throw new ConsentryError('OUTREACH_INVALID');
    const record = await this.#o.repository.get(m[1]!);
    if (!record) throw new ConsentryError('OUTREACH_INVALID');
    const given = Buffer.from(m[2]!, 'base64url');
    const valid = this.#o.keys.some((k) => {
      const expected = Buffer.from(mac(k, record.id, record.connectionRef, record.expiresAt), 'base64url');
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!valid || record.usedAt || record.expiresAt <= this.#now())
      throw new ConsentryError('OUTREACH_INVALID');
    const connection = await this.#o.connections.get(record.connectionRef);
    if (!connection || connection.status === 'revoked') throw new ConsentryError('OUTREACH_INVALID');
    return { record, connection, providerName: this.#o.providerName(connection.providerKey) };
  }

  /**
   * "Continue": uses the link (once) and starts consent for the same connection, same purpose,
   * payload and scopes, bound to this browser session. Returns the provider's consent URL.
   */
  async start(token: string, session: string): Promise<string> {
    const { record, connection } = await this.inspect(token);
    if (!(await this.#o.repository.use(record.id, this.#now()))) throw new ConsentryError('OUTREACH_INVALID');
    return this.#o.client.beginConsent({
      client: connection.clientRef,
      purpose: connection.purpose,
      payload: connection.payload,
      ...(connection.scopes.length ? { scopes: connection.scopes } : {}),
      returnUrl: '/reconnect/done',
      session,
      reconnect: connection.id,
    });
  }

  /** For the console: newest first, with the state of each link. */
  async list(limit = 200): Promise<OutreachView[]> {
    const now = this.#now();
    const records = await this.#o.repository.list({ limit });
    return Promise.all(
      records.map(async (r) => {
        const c = await this.#o.connections.get(r.connectionRef);
        const state: OutreachView['state'] = r.completedAt
          ? 'completed'
          : r.usedAt
            ? 'used'
            : r.expiresAt <= now
              ? 'expired'
              : r.lastError
                ? 'failed'
                : 'pending';
        return { ...r, state, providerKey: c?.providerKey, account: c?.account, purpose: c?.purpose };
      }),
    );
  }

  /**
   * Connection events: a `needs_reauth` of a consumer that opted in sends its link; a
   * `reconnected` completes the links used for it.
   */
  async onConnectionEvent(event: ConnectionEvent): Promise<void> {
    if (event.type === 'reconnected') {
      await this.#o.repository.complete(event.connectionId, this.#now());
      return;
    }
    if (event.type !== 'needs_reauth' || !this.#o.consumers.has(event.purpose)) return;
    const optIn = this.#o.consumers.get(event.purpose).reconnectOutreach;
    if (!optIn) return;
    const c = await this.#o.connections.get(event.connectionId);
    if (!c) return;
    const ttl = optIn.ttlSeconds !== undefined ? { ttlSeconds: optIn.ttlSeconds } : {};
    if (optIn.deliver) {
      await optIn.deliver(await this.send(c.id, ttl));
      return;
    }
    const email = await optIn.recipient?.(c);
    if (email && this.#o.mailer)
      await this.send(c.id, { email, ...ttl, language: await optIn.language?.(c) });
  }

  #values(c: Connection, expires: string, link: string): Record<string, string> {
    return { provider: this.#o.providerName(c.providerKey), account: c.account ?? '', link, expires };
  }
}

function mac(key: Buffer, id: string, connection: string, expiresAt: Date): string {
  return createHmac('sha256', key)
    .update(`reconnect:${id}:${connection}:${expiresAt.getTime()}`)
    .digest('base64url');
}
