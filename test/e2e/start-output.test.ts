import { describe, expect, it } from 'vitest';
import { npmStart } from '../support/npm-start.ts';

/**
 * What `npm start` prints: the URL to open on the first line; human-readable lines on a terminal
 * (LOG_FORMAT=pretty is what `auto` picks on a TTY) and one JSON object per line otherwise; one
 * access line per request.
 */
describe('npm start output', () => {
  it('pretty: the URL first, readable lines, one line per request', async () => {
    const s = await npmStart({ LOG_FORMAT: 'pretty' });
    try {
      await fetch(`${s.baseUrl}/healthz`);
      await fetch(`${s.baseUrl}/assets/style.css`);
      await new Promise((r) => setTimeout(r, 500)); // the transport is a worker thread
      const lines = s
        .output()
        .split('\n')
        .filter((l) => l.trim());
      expect(lines[0]).toContain(`Consentry: open ${s.baseUrl}`);
      expect(lines.filter((l) => l.trimStart().startsWith('{'))).toEqual([]);
      expect(lines.filter((l) => l.includes('/assets/style.css'))).toHaveLength(1);
    } finally {
      await s.stop();
    }
  });

  it('auto on a pipe: JSON lines, the URL in the first one', async () => {
    const s = await npmStart();
    try {
      const lines = s
        .output()
        .split('\n')
        .filter((l) => l.trim());
      const first = JSON.parse(lines[0]!);
      expect(first.msg).toContain(`Consentry: open ${s.baseUrl}`);
    } finally {
      await s.stop();
    }
  });
});
