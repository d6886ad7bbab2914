import { describe, expect, it } from 'vitest';
import { amountRangeMessage, taxIdKindOf } from '../../../../content/index.ts';
import { parseDonationRequest } from '../../../../donations/create-donation.ts';
import { DonationError } from '../../../../donations/errors.ts';

const bounds = { minFen: 100, maxFen: 5_000_000 };
const valid = { projectSlug: 'minxian-zhuxue', amountFen: 10_000, channel: 'page', anonymous: true };

function refusal(body: unknown) {
  try {
    parseDonationRequest(body, bounds);
  } catch (error) {
    expect(error).toBeInstanceOf(DonationError);
    const e = error as DonationError;
    return { status: e.status, code: e.code, field: e.field, message: e.message };
  }
  throw new Error('expected a refusal');
}

describe('the donation request (strict zod schema)', () => {
  it('accepts a project donation and a cause donation', () => {
    expect(parseDonationRequest(valid, bounds)).toEqual(valid);
    const pool = { pool: { targetGroup: 'minors', region: '621126' }, amountFen: 100, channel: 'qr', anonymous: false };
    expect(parseDonationRequest(pool, bounds)).toEqual(pool);
    expect(parseDonationRequest({ ...valid, pool: undefined }, bounds).projectSlug).toBe('minxian-zhuxue');
  });

  it('accepts a receipt request with a credit code or an ID number, and a waiver', () => {
    const withCode = parseDonationRequest(
      { ...valid, receipt: { requested: true, name: '示例公司', taxId: '53100000500012345u' } },
      bounds,
    );
    expect(withCode.receipt).toEqual({ requested: true, name: '示例公司', taxId: '53100000500012345U' });
    expect(taxIdKindOf('53100000500012345U')).toBe('credit-code');
    expect(taxIdKindOf('11010519491231002X')).toBe('id-number');
    expect(taxIdKindOf('110105194912310021')).toBeNull();
    expect(parseDonationRequest({ ...valid, receipt: { requested: false } }, bounds).receipt).toEqual({
      requested: false,
    });
  });

  it.each([
    [[], 'INVALID_BODY', undefined],
    [null, 'INVALID_BODY', undefined],
    [{ ...valid, extra: 1 }, 'INVALID_BODY', 'extra'],
    [{ ...valid, pool: { targetGroup: 'minors' } }, 'INVALID_BODY', 'pool'],
    [{ amountFen: 100, channel: 'page', anonymous: true }, 'INVALID_BODY', 'projectSlug'],
    [{ ...valid, amountFen: 100.5 }, 'INVALID_BODY', 'amountFen'],
    [{ ...valid, amountFen: '100' }, 'INVALID_BODY', 'amountFen'],
    [{ ...valid, amountFen: -100 }, 'INVALID_BODY', 'amountFen'],
    [{ ...valid, amountFen: 99 }, 'AMOUNT_OUT_OF_RANGE', 'amountFen'],
    [{ ...valid, amountFen: 5_000_001 }, 'AMOUNT_OUT_OF_RANGE', 'amountFen'],
    [{ ...valid, channel: 'wechat' }, 'INVALID_BODY', 'channel'],
    [{ ...valid, anonymous: 'true' }, 'INVALID_BODY', 'anonymous'],
    [{ ...valid, displayName: 'x'.repeat(21) }, 'INVALID_BODY', 'displayName'],
    [{ ...valid, displayName: 'a\u0000b' }, 'INVALID_BODY', 'displayName'],
    [{ ...valid, message: '请打 13800138000 联系我' }, 'PERSONAL_INFO_IN_TEXT', 'message'],
    // The public name goes on the project's 捐赠名单: the same lint as every public text.
    [{ ...valid, anonymous: false, displayName: '小林13800138000' }, 'PERSONAL_INFO_IN_TEXT', 'displayName'],
    [{ ...valid, receipt: { requested: true, name: '张三', taxId: '123' } }, 'INVALID_BODY', 'receipt.taxId'],
    [{ ...valid, receipt: { requested: false, name: '张三' } }, 'INVALID_BODY', 'receipt.name'],
    [{ ...valid, pool: undefined, projectSlug: undefined }, 'INVALID_BODY', 'projectSlug'],
    [{ pool: { region: '62112' }, amountFen: 100, channel: 'page', anonymous: true }, 'INVALID_BODY', 'pool.region'],
    [{ pool: { extra: 1 }, amountFen: 100, channel: 'page', anonymous: true }, 'INVALID_BODY', 'pool.extra'],
    [
      JSON.parse('{"__proto__":{"x":1},"projectSlug":"a","amountFen":100,"channel":"page","anonymous":true}'),
      'INVALID_BODY',
      '__proto__',
    ],
  ] as [unknown, string, string | undefined][])('%j → %s (%s)', (body, code, field) => {
    const r = refusal(body);
    expect(r.status).toBe(400);
    expect(r.code).toBe(code);
    expect(r.field).toBe(field);
    expect(r.message).toMatch(/\p{Script=Han}/u);
  });

  it('says the bounds in yuan', () => {
    // The one sentence (content/contracts/amount-bounds.ts) the donate form says too.
    expect(refusal({ ...valid, amountFen: 1 }).message).toBe(amountRangeMessage(bounds));
  });
});
