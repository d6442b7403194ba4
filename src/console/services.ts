import type { Kysely } from 'kysely';
import type { ProviderRegistry } from '../catalog/registry.ts';
import type { AuditTrail } from '../core/audit-trail.ts';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import type { RegisteredClient } from '../domain/connection.ts';
import { createAuthFailureRepository } from '../storage/auth-failures.repository.ts';
import { createHandoffRepository } from '../storage/console-handoffs.repository.ts';
import { createSessionRepository } from '../storage/console-sessions.repository.ts';
import type { Store } from '../storage/ports.ts';
import type { Database } from '../storage/schema.ts';
import { createUserRepository } from '../storage/users.repository.ts';
import { OAuthAdmin, type OAuthAdminOptions } from './oauth-admin.ts';
import { ServiceAccountAdmin } from './service-accounts.ts';
import { type SignInBudgets, SignInLimits } from './sign-in-limits.ts';
import { UserService } from './users.ts';

/** The console's service layer, shared by the web pages and the CLI. */
export interface ConsoleServices {
  users: UserService;
  oauth: OAuthAdmin;
  /** Google service accounts (JWT bearer grant): key import and connections as a domain user. */
  serviceAccounts: ServiceAccountAdmin;
  /** Password sign-in limits, shared by every instance through the database. */
  signInLimits: SignInLimits;
  /** Issue 10: the audit trail (the console's Audit page, `consentry audit`). */
  audit: AuditTrail;
}

export function createConsoleServices(deps: {
  db: Kysely<Database>;
  store: Store;
  client: OAuth2Client;
  providers: ProviderRegistry;
  publicBaseUrl: string;
  onClientSaved?: (client: RegisteredClient, secret: string | undefined) => Promise<void> | void;
  handoffFlows?: OAuthAdminOptions['handoffFlows'];
  audit: AuditTrail;
  /** Tests: smaller budgets, a clock. */
  signInBudgets?: Partial<SignInBudgets>;
  now?: () => number;
}): ConsoleServices {
  const handoffs = createHandoffRepository(deps.db);
  return {
    signInLimits: new SignInLimits(createAuthFailureRepository(deps.db), deps.signInBudgets, deps.now),
    users: new UserService(
      {
        users: createUserRepository(deps.db),
        sessions: createSessionRepository(deps.db),
        handoffs,
      },
      undefined,
      deps.audit,
    ),
    oauth: new OAuthAdmin({
      store: deps.store,
      client: deps.client,
      providers: deps.providers,
      handoffs,
      publicBaseUrl: deps.publicBaseUrl,
      audit: deps.audit,
      ...(deps.onClientSaved ? { onClientSaved: deps.onClientSaved } : {}),
      ...(deps.handoffFlows ? { handoffFlows: deps.handoffFlows } : {}),
    }),
    serviceAccounts: new ServiceAccountAdmin({
      store: deps.store,
      client: deps.client,
      providers: deps.providers,
      audit: deps.audit,
    }),
    audit: deps.audit,
  };
}
