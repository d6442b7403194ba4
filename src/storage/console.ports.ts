import type { Permission } from '../console/permissions.ts';

/** Repository interfaces of the admin console (users, sessions, CLI connect hand-offs). */
export interface ConsoleUser {
  id: string;
  email: string;
  permissions: Permission[];
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserRepository {
  create(input: { email: string; passwordHash: string; permissions: Permission[] }): Promise<ConsoleUser>;
  get(id: string): Promise<ConsoleUser | undefined>;
  /** With the stored hash, for sign-in only. */
  byEmail(email: string): Promise<{ user: ConsoleUser; passwordHash: string } | undefined>;
  list(): Promise<ConsoleUser[]>;
  count(): Promise<number>;
  update(
    id: string,
    update: { permissions?: Permission[]; passwordHash?: string; disabled?: boolean },
  ): Promise<ConsoleUser | undefined>;
  delete(id: string): Promise<boolean>;
}

export interface SessionRepository {
  create(idHash: string, userId: string, expiresAt: Date, now: Date): Promise<void>;
  /** The user id of a live session. */
  userOf(idHash: string, now: Date): Promise<string | undefined>;
  delete(idHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

export interface Handoff {
  id: string;
  clientRef: string;
  scopes: string[] | undefined;
  preset: string | undefined;
  usedAt: Date | undefined;
  expiresAt: Date;
  /** The error the flow this link started ended with (code from the catalogue, safe message). */
  failure?: { code: string; message: string } | undefined;
}

export interface HandoffRepository {
  create(input: Omit<Handoff, 'usedAt'> & { tokenHash: string }, now: Date): Promise<void>;
  /** Marks the hand-off used in one conditional write: a link works once, before it expires. */
  consume(tokenHash: string, now: Date): Promise<Handoff | undefined>;
  get(id: string): Promise<Handoff | undefined>;
  /** Records the error the link's flow ended with (the first one wins). */
  fail(id: string, failure: { code: string; message: string }): Promise<void>;
}

export interface ConsoleStore {
  users: UserRepository;
  sessions: SessionRepository;
  handoffs: HandoffRepository;
}
