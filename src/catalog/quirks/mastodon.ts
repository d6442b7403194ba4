import { ConsentryError, isConsentryError } from '../../domain/errors.ts';
import { strictEgressFetch } from '../../egress/egress.ts';
import type { FetchLike, ProviderQuirks } from './quirk.ts';
import { jsonObjectOf } from './response.ts';

/**
 * Mastodon: every instance is its own authorization server and an app must be registered on it
 * before the first consent. The administrator only types the instance URL; the first
 * `beginConsent` finds the registered client without a client id and calls `registerClient`,
 * which registers the app with `POST {instance}/api/v1/apps` and returns the client id and secret
 * (the core stores them sealed on the registered client, so this happens once per instance).
 *
 * The app is registered with the catalog's top-level scopes (`read write push`): a consent may
 * then ask for any of them or their granular parts (`read:accounts`), which Mastodon requires to
 * be a subset of the app's scopes. Access tokens do not expire; there are no refresh tokens.
 * @see https://docs.joinmastodon.org/methods/apps/#create
 * @see https://docs.joinmastodon.org/spec/oauth/
 */
const TIMEOUT_MS = 10_000;

export const mastodonQuirks: ProviderQuirks = {
  async registerClient(ctx) {
    const instance = ctx.client.templateValues.instance;
    if (!instance) {
      throw new ConsentryError('CLIENT_INVALID', { detail: 'Mastodon needs the instance URL.' });
    }
    const fetchFn: FetchLike = ctx.fetch ?? strictEgressFetch();
    const scopes = ctx.scopes.filter((s) => !s.includes(':'));
    const facts = { provider: ctx.provider.key, instance };
    let response: Response;
    try {
      response = await fetchFn(`${instance}/api/v1/apps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          client_name: ctx.client.name || 'Consentry',
          redirect_uris: ctx.redirectUri,
          scopes: scopes.join(' '),
          website: new URL(ctx.redirectUri).origin,
        }),
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (cause) {
      if (isConsentryError(cause)) throw cause; // the egress policy's refusal, as it is
      throw new ConsentryError('PROVIDER_UNAVAILABLE', {
        detail: `The Mastodon instance ${instance} could not be reached.`,
        facts,
        cause: new Error(cause instanceof Error ? cause.name : 'fetch failed'),
      });
    }
    const body = await jsonObjectOf(response);
    if (!response.ok || typeof body?.client_id !== 'string' || body.client_id === '') {
      throw new ConsentryError('CLIENT_REGISTRATION_FAILED', {
        detail: `${instance} answered HTTP ${response.status}${
          typeof body?.error === 'string' ? ` (${body.error.slice(0, 200)})` : ''
        }.`,
        facts: { ...facts, status: response.status },
      });
    }
    return {
      clientId: body.client_id,
      ...(typeof body.client_secret === 'string' ? { clientSecret: body.client_secret } : {}),
    };
  },
};
