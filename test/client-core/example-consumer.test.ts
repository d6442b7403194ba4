import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarSync } from '../../examples/calendar-consumer.ts';
import { CookieJar, consentAtProvider } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * The README's example consumer, registered on a real Consentry and run through the built-in demo
 * provider — and the README shows exactly this file, so the documentation cannot rot.
 */
describe('the example consumer from the README', () => {
  let c: TestConsentry;
  let calendar: CalendarSync;
  beforeAll(async () => {
    c = await startConsentry();
    calendar = new CalendarSync(c.app.client);
    c.app.consumers.register(calendar);
  });
  afterAll(async () => c.close());

  it('connects, stores the connection and hands out fresh bearer tokens', async () => {
    const session = 'example-session-0123456789abcdef0123456789';
    const url = await calendar.connect(42, session);
    expect(new URL(url).searchParams.get('scope')).toBe('openid email calendar');
    const callback = await consentAtProvider(new CookieJar(), url, {
      stopPrefix: `${c.baseUrl}/oauth/callback`,
      login: 'carol',
    });
    const target = await c.app.client.handleCallback(callback, session);
    expect(target).toBe('/calendar/settings?account=42&connected=1');
    const bearer = await calendar.bearerFor(42);
    expect(bearer).toMatch(/^Bearer .{20,}/);
    const [connection] = await c.app.store.connections.list({ purpose: 'calendar_sync' });
    expect(connection).toMatchObject({ account: 'carol@demo.consentry.test', payload: { accountId: 42 } });
  });

  it('is the code the README shows', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const source = readFileSync(join(import.meta.dirname, '../../examples/calendar-consumer.ts'), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
