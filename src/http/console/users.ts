import type { FastifyInstance } from 'fastify';
import { auditActorOf } from '../../console/actor.ts';
import { ALL_PERMISSIONS, PERMISSIONS, type Permission } from '../../console/permissions.ts';
import { isConsentryError } from '../../domain/errors.ts';
import { html } from '../html.ts';
import {
  actionButton,
  actorOf,
  type ConsoleContext,
  csrfField,
  formOf,
  redirectWithFlash,
  renderPage,
} from './context.ts';

/** Console users and their permissions (manage_users). */
export function userPages(app: FastifyInstance, ctx: ConsoleContext): void {
  app.get('/users', { config: { permission: 'manage_users' } }, async (request, reply) => {
    const users = await ctx.services.users.list();
    const rows = users.map(
      (u) => html`<tr data-user="${u.email}"><td>${u.email}</td>
        <td><form method="post" action="/users/${u.id}" class="perms">${csrfField(request, reply, ctx)}
          <fieldset><legend class="sr-only">Permissions of ${u.email}</legend>
          ${ALL_PERMISSIONS.map((p) => html`<label class="check"><input type="checkbox" name="perm_${p}" value="1"${u.permissions.includes(p) ? html` checked` : ''}> ${p}</label>`)}
          </fieldset><button type="submit" class="secondary">Save</button></form></td>
        <td>${request.consoleUser?.id === u.id ? html`<span class="muted">you</span>` : actionButton(request, reply, ctx, `/users/${u.id}/delete`, 'Delete', { danger: true, confirm: `Delete ${u.email}?` })}</td></tr>`,
    );
    const body = html`<h1>Users</h1>
      <div class="table-wrap"><table><thead><tr><th>Email</th><th>Permissions</th><th><span class="sr-only">Actions</span></th></tr></thead><tbody>${rows}</tbody></table></div>
      <dl class="facts small">${ALL_PERMISSIONS.map((p) => html`<dt class="mono">${p}</dt><dd>${PERMISSIONS[p]}</dd>`)}</dl>
      <section class="card"><h2>Add a user</h2>
      <form method="post" action="/users">${csrfField(request, reply, ctx)}
        <label for="email">Email address</label><input id="email" name="email" type="email" required autocomplete="off">
        <label for="password">Initial password</label><input id="password" name="password" type="password" required autocomplete="new-password">
        <fieldset><legend>Permissions</legend>
        ${ALL_PERMISSIONS.map((p) => html`<label class="check"><input type="checkbox" name="perm_${p}" value="1"${p === 'connect_accounts' ? html` checked` : ''}> ${PERMISSIONS[p]}</label>`)}
        </fieldset>
        <p><button type="submit">Add user</button></p>
      </form></section>`;
    return renderPage(request, reply, ctx, { title: 'Users', body, active: '/users' });
  });

  const permsOf = (f: Record<string, string>): Permission[] =>
    ALL_PERMISSIONS.filter((p) => f[`perm_${p}`] === '1');

  app.post('/users', { config: { permission: 'manage_users' } }, async (request, reply) => {
    const f = formOf(request);
    try {
      const u = await ctx.services.users.create(
        {
          email: f.email ?? '',
          password: f.password ?? '',
          permissions: permsOf(f),
        },
        auditActorOf(actorOf(request)),
      );
      return redirectWithFlash(reply, ctx, '/users', 'ok', `Added ${u.email}.`);
    } catch (e) {
      if (isConsentryError(e) && e.status < 500)
        return redirectWithFlash(reply, ctx, '/users', 'error', e.message);
      throw e;
    }
  });

  app.post('/users/:id', { config: { permission: 'manage_users' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    try {
      const u = await ctx.services.users.setPermissions(
        id,
        permsOf(formOf(request)),
        request.consoleUser,
        auditActorOf(actorOf(request)),
      );
      return redirectWithFlash(reply, ctx, '/users', 'ok', `Saved the permissions of ${u.email}.`);
    } catch (e) {
      if (isConsentryError(e) && e.status < 500)
        return redirectWithFlash(reply, ctx, '/users', 'error', e.message);
      throw e;
    }
  });

  app.post('/users/:id/delete', { config: { permission: 'manage_users' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    try {
      await ctx.services.users.delete(id, request.consoleUser, auditActorOf(actorOf(request)));
      return redirectWithFlash(reply, ctx, '/users', 'ok', 'Deleted the user.');
    } catch (e) {
      if (isConsentryError(e) && e.status < 500)
        return redirectWithFlash(reply, ctx, '/users', 'error', e.message);
      throw e;
    }
  });
}
