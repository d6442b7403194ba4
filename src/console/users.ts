import type { AuditTrail } from '../core/audit-trail.ts';
import { random256, sha256 } from '../core/random.ts';
import type { AuditActor } from '../domain/audit.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { ConsoleStore, ConsoleUser } from '../storage/console.ports.ts';
import { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { ALL_PERMISSIONS, type Permission } from './permissions.ts';

/**
 * Console users and their signed-in sessions. The first user can be created by the first-run
 * setup page (only while no user exists) or by `consentry users create --admin`.
 */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export class UserService {
  readonly #store: ConsoleStore;
  readonly #now: () => Date;
  readonly #audit: AuditTrail | undefined;

  /** @param audit issue 10: user creation, deletion and permission changes are recorded here. */
  constructor(store: ConsoleStore, now: () => Date = () => new Date(), audit?: AuditTrail) {
    this.#store = store;
    this.#now = now;
    this.#audit = audit;
  }

  /** @param by who does it, for the audit trail (default: the server itself). */
  async create(
    input: {
      email: string;
      password: string;
      permissions: readonly Permission[];
    },
    by?: AuditActor,
  ): Promise<ConsoleUser> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254)
      throw new ConsentryError('USER_INVALID', { detail: 'Give a valid email address.' });
    assertPassword(input.password);
    if (await this.#store.users.byEmail(email)) throw new ConsentryError('USER_EXISTS');
    const user = await this.#store.users.create({
      email,
      passwordHash: await hashPassword(input.password),
      permissions: ALL_PERMISSIONS.filter((p) => input.permissions.includes(p)),
    });
    await this.#record('user.create', user, by, { permissions: user.permissions.join(' ') });
    return user;
  }

  async #record(
    action: string,
    user: ConsoleUser,
    by: AuditActor | undefined,
    details: Record<string, string>,
  ): Promise<void> {
    await this.#audit?.record({
      action,
      actor: by ?? { kind: 'system', label: 'consentry' },
      target: { type: 'console_user', id: user.id },
      details: { email: user.email, ...details },
    });
  }

  /**
   * The first administrator, from the setup page. Refused as soon as any user exists; the check
   * and the insert race only between two simultaneous first visitors, and the unique email plus the
   * count re-check below keep a second administrator from appearing by that route.
   */
  async createFirstAdmin(input: { email: string; password: string }, by?: AuditActor): Promise<ConsoleUser> {
    if ((await this.#store.users.count()) > 0) throw new ConsentryError('SETUP_CLOSED');
    const user = await this.create({ ...input, permissions: ALL_PERMISSIONS }, by);
    const users = await this.#store.users.list();
    const first = users.sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
    )[0];
    if (first && first.id !== user.id) {
      await this.#store.users.delete(user.id);
      throw new ConsentryError('SETUP_CLOSED');
    }
    return user;
  }

  hasUsers(): Promise<boolean> {
    return this.#store.users.count().then((n) => n > 0);
  }

  list(): Promise<ConsoleUser[]> {
    return this.#store.users.list();
  }

  get(id: string): Promise<ConsoleUser | undefined> {
    return this.#store.users.get(id);
  }

  /** Same cost whether or not the email exists, so timing does not reveal accounts. */
  async authenticate(email: string, password: string): Promise<ConsoleUser> {
    const found = await this.#store.users.byEmail(email);
    const ok = await verifyPassword(password, found?.passwordHash ?? (await decoyHash()));
    if (!found || !ok || found.user.disabled) throw new ConsentryError('SIGN_IN_INVALID');
    return found.user;
  }

  async setPermissions(
    id: string,
    permissions: readonly Permission[],
    actor?: ConsoleUser,
    by?: AuditActor,
  ): Promise<ConsoleUser> {
    const user = await this.#mustGet(id);
    const next = ALL_PERMISSIONS.filter((p) => permissions.includes(p));
    if (actor?.id === id && !next.includes('manage_users'))
      throw new ConsentryError('USER_INVALID', {
        detail: 'You cannot remove your own user-management permission.',
      });
    const updated = (await this.#store.users.update(user.id, { permissions: next }))!;
    if (user.permissions.join(' ') !== next.join(' '))
      await this.#record('user.permissions', updated, by, {
        before: user.permissions.join(' '),
        after: next.join(' '),
      });
    return updated;
  }

  async setPassword(id: string, password: string): Promise<void> {
    assertPassword(password);
    await this.#mustGet(id);
    await this.#store.users.update(id, { passwordHash: await hashPassword(password) });
    await this.#store.sessions.deleteForUser(id);
  }

  async delete(id: string, actor?: ConsoleUser, by?: AuditActor): Promise<void> {
    if (actor?.id === id) throw new ConsentryError('USER_INVALID', { detail: 'You cannot delete yourself.' });
    const user = await this.#store.users.get(id);
    if (!user || !(await this.#store.users.delete(id))) throw new ConsentryError('USER_UNKNOWN');
    await this.#record('user.delete', user, by, {});
  }

  /** A new session id (returned once, for the cookie); only its hash is stored. */
  async startSession(user: ConsoleUser): Promise<string> {
    const id = random256();
    const now = this.#now();
    await this.#store.sessions.create(sha256(id), user.id, new Date(now.getTime() + SESSION_TTL_MS), now);
    await this.#store.sessions.deleteExpired(now);
    return id;
  }

  async userOfSession(sessionId: string | undefined): Promise<ConsoleUser | undefined> {
    if (!sessionId) return undefined;
    const userId = await this.#store.sessions.userOf(sha256(sessionId), this.#now());
    const user = userId ? await this.#store.users.get(userId) : undefined;
    return user && !user.disabled ? user : undefined;
  }

  async endSession(sessionId: string): Promise<void> {
    await this.#store.sessions.delete(sha256(sessionId));
  }

  async #mustGet(id: string): Promise<ConsoleUser> {
    const user = await this.#store.users.get(id);
    if (!user) throw new ConsentryError('USER_UNKNOWN');
    return user;
  }
}

function assertPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 1024)
    throw new ConsentryError('USER_INVALID', {
      detail: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    });
}
