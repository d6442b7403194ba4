import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthFixture, authFixture, basic } from './fixture.ts';

/**
 * Failed client authentication is limited per (client, address) and per address; one guesser
 * never locks out the same client elsewhere, nor other clients. Addresses are set with inject().
 */
let f: AuthFixture;
beforeAll(async () => {
  f = await authFixture({
    listen: false,
    authserver: {
      limiter: {
        perClientAddress: { limit: 3, windowMs: 60_000 },
        perAddress: { limit: 6, windowMs: 60_000 },
      },
    },
  });
});
afterAll(async () => f?.close());

function post(address: string, clientId: string, secret: string) {
  return f.consentry.app.server.inject({
    method: 'POST',
    url: '/oauth2-token',
    remoteAddress: address,
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(clientId, secret) },
    payload: 'grant_type=client_credentials',
  });
}

describe('failed-authentication rate limit', () => {
  it('locks the guessing pair, not the client elsewhere nor other clients', async () => {
    const victim = await f.createApp({ name: 'victim' });
    const bystander = await f.createApp({ name: 'bystander' });
    const attacker = '10.0.0.66';

    for (let i = 0; i < 3; i++)
      expect((await post(attacker, victim.clientId, `guess-${i}`)).statusCode).toBe(401);
    // The pair's budget is spent: even the right secret is not checked from there.
    const locked = await post(attacker, victim.clientId, victim.clientSecret);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(locked.body).error).toBe('invalid_client');

    // The victim from its own address, and another client from the attacker's address, still work.
    expect((await post('10.0.0.7', victim.clientId, victim.clientSecret)).statusCode).toBe(200);
    expect((await post(attacker, bystander.clientId, bystander.clientSecret)).statusCode).toBe(200);

    // Spraying many client ids from one address spends the address budget (6): that address only.
    for (let i = 0; i < 3; i++) await post(attacker, `app_sprayed${i}`, 'x');
    expect((await post(attacker, bystander.clientId, bystander.clientSecret)).statusCode).toBe(429);
    expect((await post('10.0.0.8', bystander.clientId, bystander.clientSecret)).statusCode).toBe(200);

    // The window ends: the address may try again.
    f.clock.advance(61);
    expect((await post(attacker, bystander.clientId, bystander.clientSecret)).statusCode).toBe(200);
  });

  it('a success clears the pair’s count', async () => {
    const a = await f.createApp({ name: 'forgetful' });
    const address = '10.0.1.1';
    // Two rounds of two failures: without the reset the pair (limit 3) would be locked by now.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect((await post(address, a.clientId, 'wrong')).statusCode).toBe(401);
      expect((await post(address, a.clientId, a.clientSecret)).statusCode).toBe(200);
    }
  });
});
