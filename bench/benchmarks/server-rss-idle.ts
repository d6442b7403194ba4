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
      const home = await (await request(jar, `${server.baseUrl}/`)).text();
      const link = /href="(\/connect\/[^"]+)"/.exec(home)?.[1]?.replace(/&amp;/g, '&');
      if (link) {
        const start = await request(jar, `${server.baseUrl}${link}`);
        const callback = await consentAtProvider(jar, start.headers.get('location')!, {
          stopPrefix: `${server.baseUrl}/oauth/callback`,
        });
        await request(jar, callback);
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
          details: { target: '≤ 150 MB', flowCompleted: link ? 'yes' : 'no (home page changed)' },
        },
      ];
    } finally {
      await server.stop();
    }
  },
};
