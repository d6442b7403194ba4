import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRouteAccess } from '../../src/console/permissions.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * SECURITY.md "Admin console": every route declares the permission it needs. The table is
 * collected by an onRoute hook installed before the first route, so it holds every face's routes
 * (callback, console, provider role, consumers, and anything a test plugin adds).
 */
describe('route table', () => {
  let t: TestConsentry;
  beforeAll(async () => {
    t = await startConsentry({
      listen: false,
      // A face that forgot its permission: the walk must find it, and the server must refuse it.
      plugins: [
        (app) => {
          app.get('/forgotten', async () => 'oops');
        },
      ],
    });
    await t.app.server.ready();
  });
  afterAll(() => t?.close());

  it('every route declares a known permission (the planted one is the only offender)', () => {
    const table = t.app.server.routeTable;
    expect(table.length).toBeGreaterThan(30);
    const offenders = table.filter((r) => !isRouteAccess(r.permission)).map((r) => `${r.method} ${r.url}`);
    expect(offenders.sort()).toEqual(['GET /forgotten', 'HEAD /forgotten']);
    // Faces beyond the console are in the table too.
    expect(table.some((r) => r.url === '/oauth/callback')).toBe(true);
    expect(table.some((r) => r.url === '/healthz')).toBe(true);
  });

  it('a route without a permission is refused at run time (fail closed)', async () => {
    const res = await t.app.server.inject({ url: '/forgotten', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: 'ROUTE_PERMISSION_MISSING' });
    expect(res.body).not.toContain('oops');
  });

  it('protected routes send anonymous visitors to setup or sign-in, and refuse programs with 401', async () => {
    const page = await t.app.server.inject({ url: '/providers' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/setup');
    const api = await t.app.server.inject({ url: '/providers', headers: { accept: 'application/json' } });
    expect(api.statusCode).toBe(401);
    const post = await t.app.server.inject({ method: 'POST', url: '/connections/x/delete', payload: {} });
    expect(post.statusCode).toBe(401);
  });
});
