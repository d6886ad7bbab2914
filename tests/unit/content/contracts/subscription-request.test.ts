import { describe, expect, it } from 'vitest';
import { subscriptionRequestSchema } from '../../../../content/index.ts';

describe('subscriptionRequestSchema', () => {
  it('takes an address, trimmed', () => {
    expect(subscriptionRequestSchema.parse({ email: ' a.b@example.org ' })).toEqual({ email: 'a.b@example.org' });
  });

  it('refuses what is not an address, too long, or with other fields, in Chinese', () => {
    const message = (body: unknown) => subscriptionRequestSchema.safeParse(body).error?.issues[0]?.message;
    expect(message({ email: 'nope' })).toMatch(/邮箱格式不正确/);
    expect(message({ email: `${'a'.repeat(250)}@example.org` })).toMatch(/254/);
    expect(message({ email: 'a@example.org', name: 'x' })).toBeDefined();
    expect(message({})).toMatch(/邮箱/);
    expect(message('a@example.org')).toMatch(/email/);
  });
});
