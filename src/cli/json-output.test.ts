import { describe, expect, it } from 'vitest';
import { redactDeep } from '../domain/redact.ts';
import { jsonForOutput } from './json-output.ts';

const TOKEN = 'ya29.a0AfB_byC-SENTINEL-token-7Qx9';
const xoauth2 = Buffer.from(`user=erin@example.org\x01auth=Bearer ${TOKEN}\x01\x01`).toString('base64');

describe('jsonForOutput (every --json the CLI prints)', () => {
  it('never prints a credential shape, at any depth, in arrays, keys’ values and Error properties', () => {
    let deep: unknown = { lastError: `401 from the provider: Authorization: Bearer ${TOKEN}` };
    for (let i = 0; i < 10; i++) deep = { next: deep }; // deeper than redactDeep walks
    const error = Object.assign(new Error('x'), { detail: `echo ${xoauth2}` });
    const rows = Array.from({ length: 3 }, (_, i) => ({
      id: `row-${i}`,
      evidence: { description: `535 5.7.8 rejected ${xoauth2}`, attempts: i },
      scopes: ['openid', `Basic ${Buffer.from('client:s3cret-value').toString('base64')}`],
    }));
    const out = jsonForOutput({ rows, deep, error });
    expect(out).not.toContain('SENTINEL');
    expect(out).not.toContain(xoauth2);
    expect(out).not.toContain(Buffer.from('client:s3cret-value').toString('base64'));
    expect(out.match(/\[redacted\]/g)?.length).toBe(3 * 2 + 2);
  });

  it('prints plain data exactly as JSON.stringify of the redacted value did', () => {
    const value = [
      { id: 'c3b0f1d2-1e2f-4a5b-9c8d-7e6f5a4b3c2d', grant: 'authorization_code', n: 1, ok: true, none: null },
      { id: 'x', grant: 'authorization_code', scopes: ['a', 'b'], error: `Bearer ${TOKEN}`, nested: {} },
      'authorization_code',
    ];
    expect(jsonForOutput(value)).toBe(`${JSON.stringify(redactDeep(value), null, 2)}\n`);
  });
});
