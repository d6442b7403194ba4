import { z } from 'zod';
import type { AuditTrail } from '../core/audit-trail.ts';
import {
  API_AUDIENCES,
  type ApiAudience,
  type Application,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  MAX_TOKEN_LIFETIME_SECONDS,
  MIN_TOKEN_LIFETIME_SECONDS,
  type Organization,
  parseScopeList,
  SCOPE_TOKEN,
} from '../domain/application.ts';
import type { AuditActor } from '../domain/audit.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { ApplicationFilter, ProviderRoleStore } from '../storage/provider-role.ports.ts';
import { generateClientId, generateClientSecret, hashClientSecret } from './client-secret.ts';
import type { NotificationResult, OwnerNotifier } from './owner-notification.ts';

/**
 * OAuth applications: create (secret shown once), list with filters, edit, activate/deactivate,
 * delete, rotate the secret. The same service behind the console, the CLI and the tests.
 */
export interface NewApplicationInput {
  organization: string;
  name: string;
  ownerEmail: string;
  audience?: ApiAudience | undefined;
  scopes?: string | string[] | undefined;
  tokenLifetimeSeconds?: number | string | undefined;
  active?: boolean | undefined;
}

export interface ApplicationUpdateInput {
  organization?: string | undefined;
  name?: string | undefined;
  ownerEmail?: string | undefined;
  audience?: ApiAudience | undefined;
  scopes?: string | string[] | undefined;
  tokenLifetimeSeconds?: number | string | undefined;
}

export interface CreatedApplication {
  application: Application;
  /** Shown once; only its hash is stored. */
  clientSecret: string;
  notification: NotificationResult;
}

const name = z.string().trim().min(1, 'is required').max(200);
const email = z.string().trim().toLowerCase().pipe(z.email('must be an email address'));
const scopes = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => parseScopeList(v))
  .refine((list) => list.every((s) => SCOPE_TOKEN.test(s)), 'contain a character a scope cannot have');
const lifetime = z.coerce
  .number()
  .int()
  .min(MIN_TOKEN_LIFETIME_SECONDS)
  .max(MAX_TOKEN_LIFETIME_SECONDS, `must be at most ${MAX_TOKEN_LIFETIME_SECONDS} seconds`);

const CreateSchema = z.object({
  organization: name,
  name,
  ownerEmail: email,
  audience: z.enum(API_AUDIENCES as [ApiAudience, ...ApiAudience[]]).default('backend'),
  scopes: scopes.default([]),
  tokenLifetimeSeconds: lifetime.default(DEFAULT_TOKEN_LIFETIME_SECONDS),
  active: z.boolean().default(true),
});
const UpdateSchema = CreateSchema.omit({ active: true })
  .extend({ audience: z.enum(API_AUDIENCES as [ApiAudience, ...ApiAudience[]]) })
  .partial();

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const detail = r.error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`).join('; ');
  throw new ConsentryError('APPLICATION_INVALID', { detail });
}

export class ApplicationService {
  constructor(
    private readonly store: ProviderRoleStore,
    private readonly notifier: OwnerNotifier,
    private readonly now: () => number = Date.now,
    private readonly audit?: AuditTrail,
  ) {}

  /** Issue 10: one audit row per change; `by` defaults to the server itself. */
  async #record(action: string, app: Application, by: AuditActor | undefined, details = {}): Promise<void> {
    await this.audit?.record({
      action,
      actor: by ?? { kind: 'system', label: 'consentry' },
      target: { type: 'application', id: app.id },
      details: { clientId: app.clientId, name: app.name, ...details },
    });
  }

  async create(input: NewApplicationInput, by?: AuditActor): Promise<CreatedApplication> {
    const v = parse(CreateSchema, stripUndefined(input));
    const now = new Date(this.now());
    const organization = await this.store.organizations.ensure(v.organization, now);
    const clientSecret = generateClientSecret();
    const application = await this.store.applications.insert(
      {
        clientId: generateClientId(),
        organizationId: organization.id,
        name: v.name,
        ownerEmail: v.ownerEmail,
        audience: v.audience,
        scopes: v.scopes,
        tokenLifetimeSeconds: v.tokenLifetimeSeconds,
        active: v.active,
        secretHash: hashClientSecret(clientSecret),
      },
      now,
    );
    await this.#record('application.create', application, by, {
      audience: application.audience,
      scopes: application.scopes.join(' '),
    });
    const notification = await this.notifier.applicationCreated(application);
    return { application, clientSecret, notification };
  }

  list(filter: ApplicationFilter = {}): Promise<Application[]> {
    return this.store.applications.list(filter);
  }

  organizations(): Promise<Organization[]> {
    return this.store.organizations.list();
  }

  /** By internal id or client id (the CLI accepts either). */
  async get(idOrClientId: string): Promise<Application> {
    const app =
      (await this.store.applications.get(idOrClientId)) ??
      (await this.store.applications.getByClientId(idOrClientId));
    if (!app)
      throw new ConsentryError('APPLICATION_UNKNOWN', { facts: { application: idOrClientId.slice(0, 64) } });
    return app;
  }

  async update(idOrClientId: string, input: ApplicationUpdateInput): Promise<Application> {
    const app = await this.get(idOrClientId);
    const v = parse(UpdateSchema, stripUndefined(input));
    const now = new Date(this.now());
    const organizationId = v.organization
      ? (await this.store.organizations.ensure(v.organization, now)).id
      : undefined;
    const { organization: _, ...rest } = v;
    return (await this.store.applications.update(
      app.id,
      { ...stripUndefined(rest), ...(organizationId ? { organizationId } : {}) },
      now,
    ))!;
  }

  /** Takes effect at once: the token endpoint refuses the client, and its tokens stop being accepted. */
  async deactivate(idOrClientId: string, by?: AuditActor): Promise<Application> {
    const app = await this.get(idOrClientId);
    const updated = (await this.store.applications.setActive(app.id, false, new Date(this.now())))!;
    await this.#record('application.deactivate', updated, by);
    return updated;
  }

  async activate(idOrClientId: string, by?: AuditActor): Promise<Application> {
    const app = await this.get(idOrClientId);
    const updated = (await this.store.applications.setActive(app.id, true, new Date(this.now())))!;
    await this.#record('application.activate', updated, by);
    return updated;
  }

  async delete(idOrClientId: string, by?: AuditActor): Promise<Application> {
    const app = await this.get(idOrClientId);
    await this.store.applications.delete(app.id);
    await this.#record('application.delete', app, by);
    return app;
  }

  /**
   * A new secret (shown once). The previous one keeps working until `oldSecretValidUntil` —
   * an explicit cutoff, so clients can be switched over without downtime; omitted or in the
   * past, the old secret stops at once. Only the latest previous secret is kept.
   */
  async rotateSecret(
    idOrClientId: string,
    options: { oldSecretValidUntil?: Date | undefined } = {},
    by?: AuditActor,
  ): Promise<{ application: Application; clientSecret: string }> {
    const app = await this.get(idOrClientId);
    const now = new Date(this.now());
    const cutoff = options.oldSecretValidUntil ?? now;
    if (Number.isNaN(cutoff.getTime()))
      throw new ConsentryError('APPLICATION_INVALID', { detail: 'The old secret’s cutoff is not a date.' });
    const clientSecret = generateClientSecret();
    await this.store.applications.rotateSecret(app.id, hashClientSecret(clientSecret), cutoff, now);
    await this.#record('application.rotate_secret', app, by, { oldSecretValidUntil: cutoff.toISOString() });
    return { application: (await this.store.applications.get(app.id))!, clientSecret };
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
