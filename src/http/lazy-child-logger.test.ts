import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { lazyChildLogger } from './lazy-child-logger.ts';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  const logger = pino({ level, redact: { paths: ['secret'], censor: '[redacted]' } }, destination);
  let children = 0;
  const child = logger.child;
  // Counts children made from the root (its children inherit this method: `this` keeps them apart).
  logger.child = function (this: typeof logger, ...args: Parameters<typeof child>) {
    if (this === logger) children++;
    return child.apply(this, args);
  } as typeof logger.child;
  return { logger, lines, children: () => children };
}

describe('lazyChildLogger', () => {
  it('makes no child for lines below the level, and writes nothing', () => {
    const c = capture('info');
    const log = lazyChildLogger(c.logger, { reqId: 'req-1' }, { level: 'warn' });
    log.info({ a: 1 }, 'request completed');
    log.debug('detail');
    log.trace('detail');
    expect(c.children()).toBe(0);
    expect(c.lines).toEqual([]);
    const levels = log as unknown as { isLevelEnabled(level: string): boolean };
    expect(['info', 'warn', 'error'].map((l) => levels.isLevelEnabled(l))).toEqual([false, true, true]);
  });

  it('writes at enabled levels through one real child with the bindings and the redaction', () => {
    const c = capture('info');
    const log = lazyChildLogger(c.logger, { reqId: 'req-2' }, { level: 'warn' });
    log.warn({ secret: 's3cr3t' }, 'first');
    log.error('second');
    expect(c.children()).toBe(1);
    expect(c.lines.map((l) => [l.reqId, l.msg, l.level])).toEqual([
      ['req-2', 'first', 40],
      ['req-2', 'second', 50],
    ]);
    expect(c.lines[0]!.secret).toBe('[redacted]');
  });

  it('follows the parent level when the route sets none, and silent drops everything', () => {
    const c = capture('debug');
    lazyChildLogger(c.logger, { reqId: 'r' }, {}).debug('shown');
    lazyChildLogger(c.logger, { reqId: 'r' }, { level: 'silent' }).fatal('hidden');
    expect(c.lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it('hands child() the real child logger', () => {
    const c = capture('info');
    lazyChildLogger(c.logger, { reqId: 'r' }, {}).child({ part: 'x' }).info('nested');
    expect(c.lines.map((l) => [l.reqId, l.part, l.msg])).toEqual([['r', 'x', 'nested']]);
  });
});
