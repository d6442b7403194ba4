import type { Actor } from '../console/actor.ts';
import { CONNECT_DONE_PATH } from '../console/consumer.ts';
import type { OAuthAdmin } from '../console/oauth-admin.ts';
import type { ConsumerRegistry, OAuth2Consumer } from '../core/consumers.ts';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { HandoffRepository } from '../storage/console.ports.ts';
import type { ApiConnectSessionRepository } from '../storage/integrations.ports.ts';

/**
 * Connect sessions started through the JSON API: a one-time link (the same hand-off links
 * `consentry connect` prints) that starts the consent flow, bound to whichever browser opens it,
 * for a purpose and payload of the caller's choosing.
 *
 * Purposes: a purpose registered in this process (a TypeScript consumer), or any purpose in the
 * `api.` namespace (`api.crm_sync`) for services outside it — those connections are kept by the
 * built-in API consumer, and the service learns of them by the `connection.created` webhook (with
 * the payload) or by listing `/api/v1/connections?purpose=api.crm_sync`.
 */
export const API_PURPOSE_NAMESPACE = 'api.';
/**
 * Where the end user lands after an `api.*` connect session (and after cancelling any API connect
 * session): Consentry's own "you can close this tab" page (in the user's language), the same one a
 * `consentry connect` link ends on — the service is on another site.
 */
export { CONNECT_DONE_PATH };

/** Keeps connections for `api.*` purposes; the service that asked is told by webhook. */
export const apiNamespaceConsumer: OAuth2Consumer = {
  purpose: 'api',
  onTokenGranted: () => `${CONNECT_DONE_PATH}?oauth=connected`,
};

export interface ConnectSessionDeps {
  oauth: OAuthAdmin;
  client: OAuth2Client;
  consumers: ConsumerRegistry;
  handoffs: HandoffRepository;
  sessions: ApiConnectSessionRepository;
  now?: () => Date;
}

export class ConnectSessionService {
  readonly #d: ConnectSessionDeps;

  constructor(deps: ConnectSessionDeps) {
    this.#d = deps;
  }

  /**
   * Throws CLIENT_UNKNOWN / CLIENT_AMBIGUOUS, CONSUMER_UNKNOWN (a purpose neither registered nor
   * under `api.`), SCOPES_INVALID.
   */
  async start(
    actor: Actor,
    input: {
      client: string;
      purpose: string;
      payload?: Record<string, unknown> | undefined;
      scopes?: string[] | undefined;
      preset?: string | undefined;
      apiKeyRef?: string | undefined;
    },
  ): Promise<{ id: string; url: string; expiresAt: Date }> {
    if (!this.#d.consumers.has(input.purpose))
      throw new ConsentryError('CONSUMER_UNKNOWN', {
        detail: `Use a purpose registered in Consentry or one under “${API_PURPOSE_NAMESPACE}” (e.g. api.crm_sync).`,
        facts: { purpose: input.purpose },
      });
    const client = await this.#d.oauth.findClient(actor, input.client);
    const handoff = await this.#d.oauth.createHandoff(actor, {
      clientId: client.id,
      scopes: input.scopes,
      preset: input.preset,
    });
    await this.#d.sessions.create(
      {
        handoffId: handoff.id,
        clientRef: client.id,
        purpose: input.purpose,
        payload: input.payload ?? {},
        apiKeyRef: input.apiKeyRef,
        expiresAt: handoff.expiresAt,
      },
      (this.#d.now ?? (() => new Date()))(),
    );
    return handoff;
  }

  /** A `handoffFlows` entry: the consent URL for an API connect session's link, else undefined. */
  readonly handoffFlow = async (handoffId: string, session: string): Promise<string | undefined> => {
    const s = await this.#d.sessions.get(handoffId);
    if (!s) return undefined;
    const h = await this.#d.handoffs.get(handoffId);
    return this.#d.client.beginConsent({
      client: s.clientRef,
      ...(h?.scopes?.length ? { scopes: h.scopes } : {}),
      ...(h?.preset ? { preset: h.preset } : {}),
      purpose: s.purpose,
      payload: s.payload,
      returnUrl: CONNECT_DONE_PATH,
      session,
    });
  };
}
