import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isCreditCode, withCreditCodeCheck } from '../../../../content/rules/credit-code.ts';
import { charitySchema } from '../../../../content/schemas/charity.ts';
import { makeCharity } from '../../../support/fixtures/content.ts';

// Check characters below were computed by hand from GB 32100-2015 (weights 1,3,9,…,28; mod 31).
describe('isCreditCode', () => {
  it.each([
    ['53100000500012345U', true, 'social organisation, check U'],
    ['53620000MJ0000123N', true, 'letters M and J in the body'],
    ['91110108MA01ABCDEN', true, 'enterprise code'],
    ['12100000400000624D', true, 'public institution'],
    ['5362110205000000AR', true, 'letter A in the body, check R'],
    ['53100000500012345X', false, 'wrong check character'],
    ['53100000500012345V', false, 'V is not in the alphabet'],
    ['5310000050001234I5', false, 'I in the body'],
    ['5310000050001234O5', false, 'O in the body'],
    ['5310000050001234Z5', false, 'Z in the body'],
    ['5310000050001234S5', false, 'S in the body'],
    ['53620000mj0000123n', false, 'lower case (the schema upper-cases first)'],
    ['53100000500012345', false, '17 characters'],
    ['53100000500012345U0', false, '19 characters'],
    ['', false, 'empty'],
    [' 53100000500012345U', false, 'leading space (the schema trims first)'],
  ])('%s → %s (%s)', (code, expected) => {
    expect(isCreditCode(code)).toBe(expected);
  });
});

describe('creditCodeCheckChar', () => {
  it.each([
    ['53100000500012345', 'U'],
    ['53620000MJ0000123', 'N'],
    ['12100000400000624', 'D'],
    ['5310000050001234I', null],
    ['5310000050001234', null],
  ])('%s → %s', (first17, expected) => {
    expect(creditCodeCheckChar(first17)).toBe(expected);
  });

  it('withCreditCodeCheck completes a code and refuses letters outside the alphabet', () => {
    expect(withCreditCodeCheck('91110108MA01ABCDE')).toBe('91110108MA01ABCDEN');
    expect(() => withCreditCodeCheck('9111010IMA01ABCDE')).toThrow('无法计算校验位');
  });
});

describe('charitySchema credit code', () => {
  it('accepts lower case and surrounding spaces, storing the code upper-case', () => {
    expect(makeCharity({ creditCode: ' 53620000mj0000123n ' }).creditCode).toBe('53620000MJ0000123N');
  });

  it.each([['53100000500012345X'], ['5310000050001234'], ['5310000050001234O5']])(
    'rejects %s with a Chinese message on creditCode',
    (creditCode) => {
      const valid = makeCharity();
      const result = charitySchema.safeParse({ ...valid, creditCode });
      expect(result.success).toBe(false);
      const issue = result.error?.issues.find((i) => i.path.join('.') === 'creditCode');
      expect(issue?.message).toBe('统一社会信用代码无效（应为 18 位且校验位正确）');
    },
  );
});
