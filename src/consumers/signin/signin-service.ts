import { supportsConsent } from '../../catalog/provider.ts';
import type { ProviderRegistry } from '../../catalog/registry.ts';
import type { GrantContext, OAuth2Consumer } from '../../core/consumers.ts';
import type { OAuth2Client } from '../../core/oauth2-client.ts';
import { random256, sha256 } from '../../core/random.ts';
import { ConsentryError } from '../../domain/errors.ts';
import { sameSitePathOr } from '../../domain/safe-path.ts';
import type { OAuth2Token } from '../../domain/token.ts';
import type { Store } from '../../storage/ports.ts';
import type { SignInRepository } from '../../storage/signin.repository.ts';

/**
 * "Login" (Dolibarr): sign in to the console with any configured OpenID provider.
 *
 * The grant is the core's authorization code + PKCE + nonce with full ID-token validation
 * (signature, iss — Microsoft's per-tenant issuer through its quirk —, aud, exp, iat, nonce); this
 * consumer only decides WHO that is locally:
 *
 * 1. a stored (issuer, subject) link — the stable identity (OIDC Core §5.7: email can change hands);
 * 2. else a local user with the same email, but only when the provider says it is verified
 *    (`email_verified: true`), and the link is stored for next time;
 * 3. else, when the administrator allowed it, a new user — only for the allowed email domains,
 *    again only with a verified email.
 *
 * A signed-in user can also link a provider account to themselves (`beginLink`): the way in for
 * providers that never say an email is verified (Microsoft Entra ID sends no `email_verified`).
 *
 * Nothing is kept of the tokens (`keepsConnection: false`: "creating the OAuth entry is enough").
 * The callback cannot set the session cookie itself, so it hands a one-time ticket (bound to the
 * browser session that started the flow, valid two minutes) to `/sign-in/oidc/complete`.
 */
export const SIGNIN_PURPOSE = 'signin';
export const SIGNIN_COMPLETE_PATH = '/sign-in/oidc/complete';
export const SIGNIN_LINKS_PATH = '/account/sign-in-links';

/** The console's users, as sign-in needs them (adapted in ../index.ts). */
export interface SignInUsers {
  byEmail(email: string): Promise<{ id: string; disabled: boolean } | undefined>;
  get(id: string): Promise<{ id: string; email: string; disabled: boolean } | undefined>;
  /** A new user without a usable password and without permissions. */
  create(email: string): Promise<{ id: string }>;
  /** Starts a signed-in session; returns the new session id for the cookie (never the old one). */
  startSession(userId: string): Promise<string>;
}

export interface SignInPolicy {
  /** Create a user on first sign-in (SIGNIN_CREATE_USERS). */
  createUsers: boolean;
  /** Email domains new users may come from (SIGNIN_ALLOWED_DOMAINS); empty = none. */
  allowedDomains: readonly string[];
}

export interface SignInOption {
  clientRef: string;
  /** The provider's display name, plus the client's name when the provider has several clients. */
  label: string;
  clientName: string;
  providerKey: string;
}

export interface SignInServiceDeps {
  repo: SignInRepository;
  users: () => SignInUsers;
  store: Store;
  providers: ProviderRegistry;
  client: () => OAuth2Client;
  policy: SignInPolicy;
  ticketTtlMs?: number;
  now?: () => Date;
}

export class SignInService {
  readonly consumer: OAuth2Consumer;
  readonly #d: SignInServiceDeps;
  readonly #now: () => Date;

  constructor(deps: SignInServiceDeps) {
    this.#d = deps;
    this.#now = deps.now ?? (() => new Date());
    this.consumer = {
      purpose: SIGNIN_PURPOSE,
      keepsConnection: false,
      onTokenGranted: (token, payload, context) => this.#granted(token, payload, context),
    };
  }

  /** Registered clients of OpenID providers whose `login` preset asks for `openid`. */
  async options(): Promise<SignInOption[]> {
    const out: SignInOption[] = [];
    for (const c of await this.#d.store.clients.list()) {
      if (!this.#d.providers.has(c.providerKey)) continue;
      const p = this.#d.providers.get(c.providerKey);
      // Only where a person consents: a client-credentials-only entry signs nobody in.
      if (!supportsConsent(p) || p.protocol !== 'oidc' || !p.presets.login?.includes('openid')) continue;
      // Providers that vouch for nobody (the built-in demo: any name, any password) are never a
      // way into the console — neither a "Sign in with" button nor a "Link" (issue 10, finding 1).
      if (!p.consoleSignIn) continue;
      out.push({ clientRef: c.id, label: p.displayName, clientName: c.name, providerKey: p.key });
    }
    // Buttons are labelled by provider ("Sign in with Google"); the client's own name is added only
    // when one provider has several sign-in clients — two clients both named "Mail" (one Google,
    // one Microsoft) must not give two identical buttons.
    const perProvider = new Map<string, number>();
    for (const o of out) perProvider.set(o.providerKey, (perProvider.get(o.providerKey) ?? 0) + 1);
    for (const o of out) {
      if ((perProvider.get(o.providerKey) ?? 0) > 1 && o.clientName) o.label = `${o.label} (${o.clientName})`;
    }
    return out.sort((a, b) => a.label.localeCompare(b.label));
  }

  /** The provider's consent URL for signing in; `next` is where to go afterwards (same-site). */
  async begin(clientRef: string, options: { session: string; next?: string | undefined }): Promise<string> {
    const option = (await this.options()).find((o) => o.clientRef === clientRef);
    if (!option) {
      throw new ConsentryError('SIGNIN_FAILED', { detail: 'This provider is not available for signing in.' });
    }
    const next = sameSitePathOr(options.next);
    return this.#d.client().beginConsent({
      client: clientRef,
      preset: 'login',
      purpose: SIGNIN_PURPOSE,
      payload: { next },
      returnUrl: `/sign-in?next=${encodeURIComponent(next)}`,
      session: options.session,
    });
  }

  /**
   * Links a provider account to the signed-in user `userId` (the flow's payload is server-side
   * and bound to this browser session, so nobody can link their account to someone else).
   */
  async beginLink(clientRef: string, options: { session: string; userId: string }): Promise<string> {
    const option = (await this.options()).find((o) => o.clientRef === clientRef);
    if (!option) {
      throw new ConsentryError('SIGNIN_FAILED', { detail: 'This provider is not available for signing in.' });
    }
    return this.#d.client().beginConsent({
      client: clientRef,
      preset: 'login',
      purpose: SIGNIN_PURPOSE,
      payload: { linkTo: options.userId },
      returnUrl: SIGNIN_LINKS_PATH,
      session: options.session,
    });
  }

  linksOf(userId: string) {
    return this.#d.repo.linksOf(userId);
  }

  async unlink(userId: string, issuer: string, subject: string): Promise<boolean> {
    const link = await this.#d.repo.link(issuer, subject);
    if (!link || link.userRef !== userId) return false;
    return this.#d.repo.deleteLink(issuer, subject);
  }

  /**
   * Redeems a ticket in the browser session that started the sign-in. Returns the new session id
   * (the caller sets the cookie) and where to go.
   */
  async complete(
    ticket: string | undefined,
    sessionId: string | undefined,
  ): Promise<{ sessionId: string; returnTo: string }> {
    const refused = (why: string) => new ConsentryError('SIGNIN_FAILED', { detail: why });
    if (!ticket || ticket.length > 128) throw refused('The sign-in link is incomplete.');
    const t = await this.#d.repo.consumeTicket(sha256(ticket));
    if (!t) throw refused('This sign-in link is unknown or was already used.');
    if (t.expiresAt <= this.#now()) throw refused('This sign-in took too long.');
    if (!sessionId || sha256(sessionId) !== t.sessionHash) {
      throw refused('This sign-in was started in another browser session.');
    }
    const user = await this.#d.users().get(t.userRef);
    if (!user || user.disabled) {
      throw new ConsentryError('SIGNIN_NOT_ALLOWED', {
        detail: 'This Consentry user is disabled or was deleted.',
      });
    }
    return { sessionId: await this.#d.users().startSession(user.id), returnTo: t.returnTo };
  }

  async #granted(
    token: OAuth2Token,
    payload: Record<string, unknown>,
    context: GrantContext,
  ): Promise<string> {
    // Also refused here, whatever started the flow: a sign-in flow begun for such a provider by
    // any other path (a stale flow, a library caller) still signs nobody in.
    const key = context.providerKey;
    if (
      key === undefined ||
      !this.#d.providers.has(key) ||
      !this.#d.providers.get(key).consoleSignIn ||
      !supportsConsent(this.#d.providers.get(key))
    ) {
      throw new ConsentryError('SIGNIN_NOT_ALLOWED', {
        detail: 'This provider cannot be used to sign in to Consentry.',
      });
    }
    const idClaims = token.idTokenClaims;
    if (!idClaims || typeof idClaims.iss !== 'string' || typeof idClaims.sub !== 'string') {
      throw new ConsentryError('SIGNIN_FAILED', {
        detail: 'The provider did not say who you are (no ID token); signing in needs an OpenID provider.',
      });
    }
    // iss and sub from the validated ID token; email and email_verified may come from UserInfo
    // (same subject, checked by the core).
    const claims = { ...(context.profile ?? {}), iss: idClaims.iss, sub: idClaims.sub };
    if (typeof payload.linkTo === 'string') return this.#link(payload.linkTo, claims);
    const userId = await this.#resolveUser(claims.iss, claims.sub, claims);
    const ticket = random256();
    const now = this.#now();
    await this.#d.repo.deleteExpiredTickets(now);
    await this.#d.repo.createTicket(
      sha256(ticket),
      {
        sessionHash: context.sessionHash,
        userRef: userId,
        returnTo: sameSitePathOr(typeof payload.next === 'string' ? payload.next : undefined),
        expiresAt: new Date(now.getTime() + (this.#d.ticketTtlMs ?? 120_000)),
      },
      now,
    );
    return `${SIGNIN_COMPLETE_PATH}?ticket=${encodeURIComponent(ticket)}`;
  }

  async #link(
    userId: string,
    claims: Record<string, unknown> & { iss: string; sub: string },
  ): Promise<string> {
    const existing = await this.#d.repo.link(claims.iss, claims.sub);
    if (existing && existing.userRef !== userId) {
      throw new ConsentryError('SIGNIN_NOT_ALLOWED', {
        detail: 'This provider account is already linked to another Consentry user.',
      });
    }
    if (!existing) {
      const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
      await this.#d.repo.createLink(
        { issuer: claims.iss, subject: claims.sub, userRef: userId, email },
        this.#now(),
      );
    }
    return `${SIGNIN_LINKS_PATH}?linked=1`;
  }

  async #resolveUser(issuer: string, subject: string, claims: Record<string, unknown>): Promise<string> {
    const users = this.#d.users();
    const now = this.#now();
    const notAllowed = (detail: string) => new ConsentryError('SIGNIN_NOT_ALLOWED', { detail });

    const link = await this.#d.repo.link(issuer, subject);
    if (link) {
      const user = await users.get(link.userRef);
      if (!user || user.disabled)
        throw notAllowed('The Consentry user linked to this account is disabled or was deleted.');
      await this.#d.repo.touchLink(issuer, subject, now);
      return user.id;
    }

    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined;
    const verified = claims.email_verified === true || claims.email_verified === 'true';
    if (!email)
      throw notAllowed(
        'The provider did not give an email address, and no Consentry user is linked to this account.',
      );
    if (!verified) {
      throw notAllowed(
        `The provider did not confirm that ${email} is verified, and no Consentry user is linked to this account.`,
      );
    }

    const existing = await users.byEmail(email);
    if (existing) {
      if (existing.disabled) throw notAllowed('This Consentry user is disabled.');
      await this.#d.repo.createLink({ issuer, subject, userRef: existing.id, email }, now);
      return existing.id;
    }

    const domain = email.slice(email.lastIndexOf('@') + 1);
    const { createUsers, allowedDomains } = this.#d.policy;
    if (!createUsers) {
      throw notAllowed(
        `No Consentry user has the email address ${email}. Ask an administrator to create one.`,
      );
    }
    if (!allowedDomains.includes(domain)) {
      throw notAllowed(`New users from ${domain} may not sign in. Ask an administrator to create your user.`);
    }
    const created = await users.create(email);
    await this.#d.repo.createLink({ issuer, subject, userRef: created.id, email }, now);
    return created.id;
  }
}
