import type { FastifyInstance } from 'fastify';
import { connectRoutes } from '../connect.ts';
import { homeRoutes } from '../home.ts';
import { auditPages } from './audit.ts';
import { clientPages } from './clients.ts';
import { connectionPages } from './connections.ts';
import type { ConsoleContext, NavItem } from './context.ts';
import { providerPages } from './providers.ts';
import { serviceAccountPages } from './service-accounts.ts';
import { signInPages } from './sign-in.ts';
import { userPages } from './users.ts';

/**
 * Every console page module, in navigation order. To add pages from another face, write a module
 * `{ nav, register }` (see ./index.ts for the contract) and add ONE line here.
 */
export interface ConsolePageModule {
  /** Links for the header navigation; each is shown only to users holding its permission. */
  nav?: NavItem[];
  register(app: FastifyInstance, ctx: ConsoleContext): void | Promise<void>;
}

export const CONSOLE_PAGES: ConsolePageModule[] = [
  { register: signInPages },
  {
    nav: [{ href: '/', label: 'Connections', permission: 'signed_in' }],
    register: (app, ctx) => homeRoutes(app, ctx, ctx.deps.providers),
  },
  { register: connectRoutes },
  {
    nav: [{ href: '/providers', label: 'Providers', permission: 'administer_oauth' }],
    register: providerPages,
  },
  { register: clientPages },
  serviceAccountPages,
  { register: (app, ctx) => connectionPages(app, ctx, ctx.deps.providers) },
  { nav: [{ href: '/users', label: 'Users', permission: 'manage_users' }], register: userPages },
  { nav: [{ href: '/audit', label: 'Audit', permission: 'manage_users' }], register: auditPages },
];
