import { randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundRefresher } from '../../src/core/background-refresher.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { enginesToTest, type ScaleEnv, startScaleEnv } from './fixture.ts';
import type { CrashPoint } from './worker.ts';
import { startWorker, type WorkerHandle } from './workers.ts';

/**
 * The crash suite (issue 5): kill -9 worker processes at the three points of a refresh — before
 * the request, after the provider's answer and before the write, after the write — 100 times,
 * against a provider that rotates refresh tokens and revokes the grant when a rotated one is
 * reused. Afterwards every connection is either active with a refresh token the provider still
 * accepts (proved by refreshing it) or needs_reauth with a recorded reason: never undecryptable,
 * never stuck behind a lease, never silently broken.
 *
 * Each round runs WORKERS processes at once on overlapping connections (so survivors meet the
 * dead one's lease); each process SIGKILLs itself at the nth occurrence of its point while its
 * other refreshes are wherever they happen to be. Leases are 1 s so the suite stays short.
 */
const ENGINES = await enginesToTest();
const KILLS = Number(process.env.CRASH_KILLS ?? 100);
const WORKERS = 8;
/** Active connections at the start of every round (reconnected users replace lost ones). */
const POOL = 40;
const PER_WORKER = 4;
// Short leases keep the suite quick; 2 s leaves the heartbeat (every lease/3) room on a loaded machine.
const LEASE_MS = 2000;
const POINTS: CrashPoint[] = ['before_request', 'after_answer', 'after_write'];

const shuffled = <T>(list: T[]) => {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

for (const { engine, available } of ENGINES) {
  describe.skipIf(!available)(`crash suite on ${engine}`, () => {
    let env: ScaleEnv;
    const spawned: WorkerHandle[] = [];
    const journals = mkdtempSync(join(tmpdir(), 'consentry-crash-'));
    beforeAll(async () => {
      env = await startScaleEnv(engine);
    });
    afterAll(async () => {
      await Promise.all(spawned.map((w) => w.stop()));
      await env?.close();
      rmSync(journals, { recursive: true, force: true });
    });
    /** Refreshes a killed process had sent to the provider and not yet written: its window. */
    const inWindow = (name: string) => {
      const file = join(journals, `${name}.log`);
      const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
      const sent = new Set(lines.filter((l) => l.startsWith('sent ')).map((l) => l.slice(5)));
      for (const l of lines) if (l.startsWith('committed ')) sent.delete(l.slice(10));
      return sent;
    };

    it(`${KILLS} kill -9 at random points of a refresh: every connection ends active and usable, or needs_reauth with a reason`, async () => {
      await env.mint(POOL);
      const spawn = () =>
        Promise.all(
          Array.from({ length: WORKERS }, (_, i) => {
            const name = `${engine}-c${spawned.length + i}-${randomInt(1e9)}`;
            const p = startWorker(env.spec, {
              name,
              journal: join(journals, `${name}.log`),
              leaseMs: LEASE_MS,
              maxLeaseWaitMs: 3 * LEASE_MS + 2000,
            });
            void p.then((w) => spawned.push(w));
            return p;
          }),
        );
      const kills: Record<CrashPoint, number> = { before_request: 0, after_answer: 0, after_write: 0 };
      const survivorErrors: string[] = [];
      /** Connections some killed process had in its window (request sent, answer not written). */
      const exposed = new Set<string>();
      const deadline = Date.now() + 150_000;
      let next = spawn();
      let rounds = 0;
      while (Object.values(kills).reduce((a, b) => a + b, 0) < KILLS) {
        expect(Date.now(), 'crash suite ran out of time').toBeLessThan(deadline);
        rounds++;
        const tr = Date.now();
        const batch = await next;
        const tw = Date.now();
        next = spawn(); // the next round's processes load while this one runs
        let active = (await env.a.app.store.connections.list({ status: 'active' })).map((c) => c.id);
        if (active.length < POOL) active = [...active, ...(await env.mint(POOL - active.length))];
        await env.expire(active);
        const left = KILLS - Object.values(kills).reduce((a, b) => a + b, 0);
        await Promise.all(
          batch.map(async (w, i) => {
            if (i >= left) return w.stop(); // never more kills than asked for
            const point = POINTS[randomInt(POINTS.length)]!;
            const mine = shuffled(active).slice(0, PER_WORKER);
            const survived = w.next('crash-survived').then(
              (m) => m,
              () => undefined,
            );
            w.send({ type: 'crash', ids: mine, point, nth: 1 + randomInt(2) });
            const outcome = await Promise.race([w.exited, survived.then(() => 'survived' as const)]);
            if (outcome === 'survived') {
              const m = await survived;
              survivorErrors.push(...(m?.errors ?? []));
              await w.stop();
            } else if (outcome.signal === 'SIGKILL') {
              kills[point]++;
              if (process.env.CRASH_DEBUG)
                process.stderr.write(`killed ${w.name} at ${point}: window ${[...inWindow(w.name)]}\n`);
              for (const id of inWindow(w.name)) exposed.add(id);
            } else {
              throw new Error(`${w.name} ended with ${outcome.code}`);
            }
          }),
        );
        if (process.env.CRASH_DEBUG)
          process.stderr.write(`round ${rounds}: wait workers ${tw - tr} ms, run ${Date.now() - tw} ms\n`);
      }
      await (await next.catch(() => [])).reduce(async (p, w) => {
        await p;
        await w.stop();
      }, Promise.resolve());

      // Survivors only ever saw a connection the provider had revoked (reuse after a crash).
      expect(survivorErrors.filter((e) => e !== 'CONNECTION_NEEDS_REAUTH')).toEqual([]);

      // Leases expire: wait them out, then one refresher sweep settles abandoned ones.
      await sleep(LEASE_MS + 100);
      const refresher = new BackgroundRefresher({
        client: env.a.app.client,
        connections: env.a.app.store.connections,
        providerOf: () => undefined,
        emit: () => {},
      });
      // The refresher sweeps periodically in production; here, sweep until no abandoned lease is
      // left (a lease renewed just before its owner died can still be running at the first sweep).
      let sweep = await refresher.sweep();
      const leased = async () =>
        (await env.a.app.store.connections.list()).some((c) => c.leaseOwner !== undefined);
      for (let i = 0; i < 5 && (await leased()); i++) {
        await sleep(LEASE_MS);
        sweep = await refresher.sweep();
      }

      const ids = (await env.a.app.store.connections.list()).map((c) => c.id);
      let needsReauth = 0;
      for (const id of ids) {
        const c = (await env.a.app.store.connections.get(id))!; // opens the access token
        expect(c.leaseUntil === undefined || c.leaseUntil.getTime() < Date.now()).toBe(true);
        expect(c.leaseOwner).toBeUndefined();
        expect(await env.a.app.store.connections.refreshTokenOf(id)).toBeTruthy(); // opens
        if (c.status === 'needs_reauth') {
          needsReauth++;
          expect(c.statusReason).toMatch(/invalid_grant/);
          // Lost only inside the unavoidable window: a process died after sending this
          // connection's refresh request and before writing the answer.
          if (!exposed.has(id) && process.env.CRASH_DEBUG) {
            const { execSync } = await import('node:child_process');
            process.stderr.write(
              `LOST ${id}: ${c.statusReason}\n${execSync(`grep -H ${id} ${journals}/*.log || true`)}\n`,
            );
          }
          expect(exposed.has(id), `${id} lost outside the window`).toBe(true);
          continue;
        }
        expect(c.status).toBe('active');
        // The stored refresh token is the provider's current one: refreshing works, twice.
        try {
          await env.a.app.client.refresh(id);
          await env.a.app.client.refresh(id);
        } catch (e) {
          throw new Error(`active connection ${id} was silently broken: ${isConsentryError(e) ? e.code : e}`);
        }
      }
      const total = Object.values(kills).reduce((a, b) => a + b, 0);
      process.stderr.write(
        `crash suite on ${engine}: ${total} kills in ${rounds} rounds ${JSON.stringify(kills)}; ` +
          `${needsReauth}/${ids.length} connections in needs_reauth, all among the ${exposed.size} a killed process had in its window (request sent, answer not yet written); final sweep ${JSON.stringify(sweep)}\n`,
      );
      expect(total).toBe(KILLS);
      // Something was at stake: the kills hit real refreshes, and most connections survived them.
      expect(needsReauth).toBeGreaterThan(0);
      expect(needsReauth).toBeLessThan(ids.length);
    }, 200_000);
  });
}
