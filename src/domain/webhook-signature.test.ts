import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.ts';

describe('verifyWebhook', () => {
  const secret = 'whsec_test';
  const body = '{"type":"connection.refreshed"}';
  const t = 1_700_000_000;

  it('accepts its own signature within the tolerance', () => {
    expect(verifyWebhook(secret, signWebhook(secret, body, t), body, { now: t + 10 })).toEqual({
      ok: true,
      timestamp: t,
    });
  });

  it('accepts when one of several v1 values matches (secret rotation)', () => {
    const header = `${signWebhook('old', body, t)},${signWebhook(secret, body, t).split(',')[1]}`;
    expect(verifyWebhook(secret, header, Buffer.from(body), { now: t }).ok).toBe(true);
  });

  it.each([
    ['header_missing', undefined, body, t],
    ['header_malformed', 'v1=abc', body, t],
    ['header_malformed', `t=${t}`, body, t],
    ['signature_mismatch', signWebhook('other', body, t), body, t],
    ['signature_mismatch', signWebhook(secret, body, t), `${body} `, t],
    ['timestamp_outside_tolerance', signWebhook(secret, body, t), body, t + 301],
    ['timestamp_outside_tolerance', signWebhook(secret, body, t), body, t - 301],
  ])('refuses: %s', (reason, header, raw, now) => {
    expect(verifyWebhook(secret, header, raw, { now })).toEqual({ ok: false, reason });
  });

  it('signs the timestamp: a changed t with the old v1 fails', () => {
    const header = signWebhook(secret, body, t).replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyWebhook(secret, header, body, { now: t }).ok).toBe(false);
  });
});
