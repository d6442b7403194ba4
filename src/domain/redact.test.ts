import { describe, expect, it } from 'vitest';
import { derivedForms, REDACTED, redact, redactDeep } from './redact.ts';

const TOKEN = 'ya29.a0AfB_byC-SENTINEL-token-7Qx9';
const xoauth2 = (user: string, token: string) =>
  Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString('base64');

describe('redact', () => {
  it('removes a raw token and its URL-encoded form', () => {
    expect(redact(`got ${TOKEN} back`, [TOKEN])).toBe(`got ${REDACTED} back`);
    expect(redact(`q=${encodeURIComponent('a/b+c=secret-value')}`, ['a/b+c=secret-value'])).not.toContain(
      encodeURIComponent('a/b+c=secret-value'),
    );
  });

  it('removes the base64 XOAUTH2 line a mail server echoes (finding 4), known token or not', () => {
    for (const user of ['a@b.c', 'ab@b.c', 'abc@b.c']) {
      const line = `535 5.7.8 rejected ${xoauth2(user, TOKEN)}`;
      for (const secrets of [[TOKEN], []]) {
        const out = redact(line, secrets);
        expect(out).toBe(`535 5.7.8 rejected ${REDACTED}`);
      }
    }
  });

  it('finds the token inside a longer base64 string at every byte alignment', () => {
    for (const prefix of ['', 'x', 'xy', 'xyz', 'hello ']) {
      const blob = Buffer.from(`${prefix}${TOKEN}!!`).toString('base64');
      // A truncated echo (no padding, cut mid-run) is still caught by the aligned forms.
      const cut = blob.slice(0, blob.length - 2);
      expect(redact(`echo ${cut}`, [TOKEN])).not.toMatch(/SENTINEL/);
      const decodedAfter = Buffer.from(redact(cut, [TOKEN]).replace(REDACTED, ''), 'base64').toString();
      expect(decodedAfter).not.toContain(TOKEN);
    }
    // The raw value and its base64 at each of the three alignments.
    expect(derivedForms(TOKEN).length).toBeGreaterThanOrEqual(4);
  });

  it('removes base64url forms too', () => {
    const t = 'tok>>>???>>>???-SENTINEL';
    const b64url = Buffer.from(`::${t}`).toString('base64url');
    expect(redact(b64url, [t])).not.toContain(Buffer.from(t).toString('base64url').slice(4, 20));
  });

  it('redacts Bearer, Basic and auth=Bearer shapes whatever the value', () => {
    expect(redact('Authorization: Bearer abc.def-ghi')).toBe(`Authorization: Bearer ${REDACTED}`);
    const basic = Buffer.from('client:s3cret-value').toString('base64');
    expect(redact(`Authorization: Basic ${basic}`)).toBe(`Authorization: Basic ${REDACTED}`);
    expect(redact('user=x\x01auth=Bearer zzz999\x01\x01')).toBe(`user=x\x01auth=Bearer ${REDACTED}\x01\x01`);
  });

  it('leaves ordinary text, ids and short values alone', () => {
    const text = 'IMAP server imap.example.org said: NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)';
    expect(redact(text, ['short'])).toBe(text);
    const id = 'c3b0f1d2-1e2f-4a5b-9c8d-7e6f5a4b3c2d authorization_endpoint';
    expect(redact(id)).toBe(id);
  });

  it('redactDeep walks objects and arrays', () => {
    const out = redactDeep({ a: [`x ${TOKEN}`], b: { c: `Bearer ${TOKEN}` }, n: 3 }, [TOKEN]);
    expect(JSON.stringify(out)).not.toContain('SENTINEL');
    expect(out.n).toBe(3);
  });
});
