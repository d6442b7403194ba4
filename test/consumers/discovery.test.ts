import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConsentryError } from '../../src/domain/errors.ts';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry } from '../support/consentry.ts';

/**
 * Consumers discovered from configured directories or files (CONSUMER_MODULES), beside the
 * built-in ones and those the embedding platform registers: a purpose registered twice stops
 * start-up, a source that cannot be loaded or holds no consumer stops it too, with its name.
 */
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'consentry-consumers-'));
  const plugins = join(dir, 'plugins');
  mkdirSync(plugins);
  // A plain object export.
  writeFileSync(
    join(plugins, 'crm.mjs'),
    `export const crmConsumer = {
  purpose: 'crm',
  onTokenGranted(_token, payload, { connection }) {
    globalThis.__crmGranted = { payload, connection: connection?.id };
    return '/crm/connected';
  },
};\n`,
  );
  // A factory, which gets the context (config, store, logger, a late-bound client).
  writeFileSync(
    join(plugins, 'calendar.mjs'),
    `export function createConsumers(context) {
  globalThis.__calendarContext = typeof context.client;
  return [{ purpose: 'calendar_sync', onTokenGranted: () => '/calendar' }];
}\n`,
  );
  // Helpers without consumers are fine inside a directory; tests are skipped.
  writeFileSync(join(plugins, 'helpers.mjs'), 'export const answer = 42;\n');
  writeFileSync(join(plugins, 'crm.test.mjs'), 'throw new Error("a test file must not be imported");\n');
  writeFileSync(
    join(dir, 'duplicate.mjs'),
    "export default { purpose: 'mail', onTokenGranted: () => '/' };\n",
  );
  writeFileSync(join(dir, 'empty.mjs'), 'export const nothing = true;\n');
  writeFileSync(join(dir, 'broken.mjs'), 'export const x = ;\n');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const g = globalThis as Record<string, unknown>;
  delete g.__crmGranted;
  delete g.__calendarContext;
});

/** Start-ups that are meant to fail keep their data directory under `dir` (removed afterwards). */
let n = 0;
const dataDir = () => join(dir, `data-${++n}`);

describe('consumer discovery (CONSUMER_MODULES)', () => {
  it('registers every consumer of a directory beside the built-in ones, and dispatches to them', async () => {
    const c = await startConsentry({ env: { CONSUMER_MODULES: join(dir, 'plugins') } });
    try {
      const purposes = c.app.consumers.all().map((x) => x.purpose);
      expect(purposes).toEqual(expect.arrayContaining(['console', 'mail', 'signin', 'crm', 'calendar_sync']));
      expect((globalThis as Record<string, unknown>).__calendarContext).toBe('function');

      // The discovered consumer receives its token through the one callback.
      const demo = (await c.app.store.clients.list({ providerKey: 'demo' }))[0]!;
      const session = randomBytes(32).toString('base64url');
      const url = await c.app.client.beginConsent({
        client: demo.id,
        preset: 'login',
        purpose: 'crm',
        payload: { contactId: 7 },
        returnUrl: '/crm',
        session,
      });
      const jar = new CookieJar();
      jar.set(c.baseUrl, 'consentry_sid', session);
      const callback = await consentAtProvider(jar, url, {
        login: 'carla',
        stopPrefix: `${c.baseUrl}/oauth/callback`,
      });
      const res = await request(jar, callback);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/crm/connected');
      const granted = (globalThis as Record<string, unknown>).__crmGranted as {
        payload: unknown;
        connection: string;
      };
      expect(granted.payload).toEqual({ contactId: 7 });
      expect((await c.app.store.connections.get(granted.connection))?.purpose).toBe('crm');
    } finally {
      await c.close();
    }
  });

  it('a purpose registered twice is an error at start-up, not a silent overwrite', async () => {
    const e = await startConsentry({
      env: { CONSUMER_MODULES: join(dir, 'duplicate.mjs') },
      dataDir: dataDir(),
    }).catch((x: unknown) => x);
    expect(isConsentryError(e, 'CONSUMER_DUPLICATE')).toBe(true);
    expect((e as { facts: Record<string, unknown> }).facts.purpose).toBe('mail');

    const twice = await startConsentry({
      env: { CONSUMER_MODULES: join(dir, 'plugins') },
      consumers: [{ purpose: 'crm', onTokenGranted: () => '/' }],
      dataDir: dataDir(),
    }).catch((x: unknown) => x);
    expect(isConsentryError(twice, 'CONSUMER_DUPLICATE')).toBe(true);
  });

  it.each([
    ['a module without consumers', 'empty.mjs', /exports no consumer/],
    ['a module that does not load', 'broken.mjs', /could not be imported/],
    ['a path that does not exist', 'missing', /does not exist/],
  ])('%s stops start-up with its name', async (_what, name, says) => {
    const e = await startConsentry({ env: { CONSUMER_MODULES: join(dir, name) }, dataDir: dataDir() }).catch(
      (x: unknown) => x,
    );
    expect(isConsentryError(e, 'CONSUMER_DISCOVERY_FAILED')).toBe(true);
    expect((e as Error).message).toContain(name);
    expect((e as Error).message).toMatch(says);
  });
});
