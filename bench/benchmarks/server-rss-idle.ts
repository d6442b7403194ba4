import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CookieJar, consentAtProvider, request } from '../../test/support/browserless.ts';
import { npmStart } from '../../test/support/npm-start.ts';
import type { Benchmark } from '../harness.ts';

/** Resident memory of `npm start` (the node process serving it) after start-up and one flow. */
export const serverRssIdle: Benchmark = {
  name: 'server-rss-idle',
  description: 'resident memory of npm start after start-up and one demo flow (target ≤ 150 MB)',
  async run() {
    const server = await npmStart({ LOG_LEVEL: 'warn' });
    try {
      const jar = new CookieJar();
      let completed = false;
      // First run: create the administrator on the setup page, as a newcomer does.
      const setup = await (await request(jar, `${server.baseUrl}/setup`)).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(setup)?.[1] ?? '';
      const password = 'bench-password-0123456789';
      await request(jar, `${server.baseUrl}/setup`, {
        method: 'POST',
        headers: { origin: server.baseUrl },
        body: new URLSearchParams({ _csrf: csrf, email: 'bench@example.org', password, confirm: password }),
      });
      const home = await (await request(jar, `${server.baseUrl}/`)).text();
      const link = /href="(\/connect\/[^"]+)"/.exec(home)?.[1]?.replace(/&amp;/g, '&');
      if (link) {
        const start = await request(jar, `${server.baseUrl}${link}`);
        const callback = await consentAtProvider(jar, start.headers.get('location')!, {
          stopPrefix: `${server.baseUrl}/oauth/callback`,
        });
        const done = await request(jar, callback);
        completed = (done.headers.get('location') ?? '').includes('oauth=connected');
      }
      await new Promise((r) => setTimeout(r, 1000));
      const port = new URL(server.baseUrl).port;
      // The process listening on the port is the server (npm and tsx are its parents).
      const pid = execFileSync(
        'sh',
        ['-c', `ss -ltnpH 'sport = :${port}' | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2`],
        { encoding: 'utf8' },
      ).trim();
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      return [
        {
          name: 'server-rss-idle',
          value: Number((kb / 1024).toFixed(1)),
          unit: 'MB',
          details: { target: '≤ 150 MB', flowCompleted: completed ? 'yes' : 'no' },
        },
      ];
    } finally {
      await server.stop();
    }
  },
};
