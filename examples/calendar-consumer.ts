import type { OAuth2Client, OAuth2Consumer, OAuth2Token } from '../src/index.ts';

/**
 * A feature that needs OAuth is a consumer: a purpose key and `onTokenGranted`. Consentry has
 * already stored the connection (sealed) when it is called; the feature keeps the connection id
 * against its own record and asks for a fresh token whenever it works.
 */
export class CalendarSync implements OAuth2Consumer {
  readonly purpose = 'calendar_sync';
  readonly #connectionByAccount = new Map<number, string>();

  constructor(private readonly client: OAuth2Client) {}

  /** From the feature's settings page: send the user to the provider's consent screen. */
  connect(accountId: number, session: string): Promise<string> {
    return this.client.beginConsent({
      provider: 'demo',
      preset: 'calendar',
      purpose: this.purpose,
      payload: { accountId },
      returnUrl: `/calendar/settings?account=${accountId}`,
      session,
    });
  }

  onTokenGranted(
    _token: OAuth2Token,
    payload: Record<string, unknown>,
    { connection }: { connection?: { id: string } | undefined },
  ) {
    this.#connectionByAccount.set(Number(payload.accountId), connection!.id);
    return `/calendar/settings?account=${String(payload.accountId)}&connected=1`;
  }

  /** Before every sync: a token valid for at least 60 s, refreshed (once, safely) if needed. */
  async bearerFor(accountId: number): Promise<string> {
    const connectionId = this.#connectionByAccount.get(accountId);
    if (!connectionId) throw new Error('calendar not connected');
    const token = await this.client.ensureFresh(connectionId);
    return `Bearer ${token.accessToken}`;
  }
}
