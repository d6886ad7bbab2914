import { describe, expect, it } from 'vitest';
import { readSessionToken, sessionCookie } from '../../../../referrals/accounts/sessions.ts';

describe('the session cookie', () => {
  it('over https: __Host- prefixed, Secure, HttpOnly, SameSite=Strict, Path=/', () => {
    const c = sessionCookie('t'.repeat(43), 3600, true);
    expect(c).toBe(`__Host-xj_workbench=${'t'.repeat(43)}; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=3600`);
    expect(readSessionToken(`a=b; __Host-xj_workbench=${'t'.repeat(43)}`, true)).toBe('t'.repeat(43));
    // The unprefixed name (which a sibling subdomain could set) is not read when https is on.
    expect(readSessionToken(`xj_workbench=${'t'.repeat(43)}`, true)).toBeNull();
  });

  it('over plain http on loopback: no Secure (the browser would drop it), still HttpOnly and Strict', () => {
    const c = sessionCookie('x', 0, false);
    expect(c).toBe('xj_workbench=x; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
  });
});
