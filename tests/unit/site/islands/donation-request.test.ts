import { describe, expect, it } from 'vitest';
import { parseDonationRequest } from '../../../../donations/create-donation.ts';
import { EMPTY_FORM } from '../../../../site/islands/donate-options.ts';
import {
  buildDonationRequest,
  type DonationFormValues,
  formFieldOf,
} from '../../../../site/islands/donation-request.ts';

const bounds = { minFen: 100, maxFen: 5_000_000 };
const base: DonationFormValues = { ...EMPTY_FORM, amount: '5000' };
const project = { kind: 'project', slug: 'xiang-cun-yi-liao' } as const;

describe('donate form → POST /api/donations body', () => {
  it('maps a preset, anonymity and no receipt to the body the API accepts', () => {
    const r = buildDonationRequest(base, project, bounds);
    expect(r).toEqual({
      ok: true,
      body: {
        projectSlug: 'xiang-cun-yi-liao',
        amountFen: 5000,
        channel: 'page',
        anonymous: true,
        receipt: { requested: false },
      },
    });
    // The server's own parser accepts exactly this body.
    if (r.ok) expect(parseDonationRequest(r.body, bounds)).toEqual(r.body);
  });

  it('asks for a monthly gift with its day and end rule, never with a receipt (每月捐)', () => {
    const monthly = {
      ...base,
      frequency: 'monthly',
      dayOfMonth: '16',
      onProjectEnd: 'stop',
      receipt: 'wanted',
    } as const;
    const r = buildDonationRequest(monthly, project, bounds);
    expect(r).toMatchObject({
      ok: true,
      body: { monthly: { dayOfMonth: 16, onProjectEnd: 'stop' }, receipt: { requested: false } },
    });
    if (r.ok) expect(parseDonationRequest(r.body, bounds)).toEqual(r.body);
    expect(buildDonationRequest({ ...monthly, dayOfMonth: '' }, project, bounds)).toMatchObject({
      ok: false,
      field: 'dayOfMonth',
    });
    expect(buildDonationRequest({ ...monthly, dayOfMonth: '29' }, project, bounds)).toMatchObject({
      ok: false,
      field: 'dayOfMonth',
    });
    expect(formFieldOf('monthly.dayOfMonth', monthly)).toBe('dayOfMonth');
  });

  it('reads a custom amount in yuan, a display name and a receipt with a tax id', () => {
    const r = buildDonationRequest(
      {
        ...base,
        amount: 'other',
        customYuan: '66.6',
        anonymous: 'no',
        displayName: ' 张女士 ',
        receipt: 'wanted',
        receiptName: '张某某',
        receiptTaxId: '11010519491231002x',
        receiptEmail: '',
        channel: 'wap',
      },
      project,
      bounds,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body.amountFen).toBe(6660);
    expect(r.body.anonymous).toBe(false);
    expect(r.body.displayName).toBe('张女士');
    expect(r.body.receipt).toEqual({ requested: true, name: '张某某', taxId: '11010519491231002X' });
  });

  it('drops the display name when the donor chose anonymity, and receipt fields when none is wanted', () => {
    const r = buildDonationRequest(
      { ...base, displayName: '不会公开', receiptName: '不会发送', receiptTaxId: 'x' },
      project,
      bounds,
    );
    expect(r.ok && r.body.displayName === undefined && r.body.receipt?.requested === false).toBe(true);
  });

  it('gives to a cause as {pool:{targetGroup, region}}', () => {
    const r = buildDonationRequest({ ...base, targetGroup: 'minors' }, { kind: 'pool', region: '520000' }, bounds);
    expect(r.ok && r.body.pool).toEqual({ targetGroup: 'minors', region: '520000' });
    const any = buildDonationRequest(base, { kind: 'pool', region: '520000' }, bounds);
    expect(any.ok && any.body.pool).toEqual({ region: '520000' });
  });

  it('points each problem at its control, in Chinese', () => {
    const cases: [Partial<DonationFormValues>, string, RegExp][] = [
      [{ amount: '' }, 'amount', /请选择或填写捐赠金额/],
      [{ amount: 'other', customYuan: '' }, 'customYuan', /请填写捐赠金额/],
      [{ amount: 'other', customYuan: '0.5' }, 'customYuan', /单笔捐赠金额应在 1\.00 元至 50,000\.00 元之间/],
      [{ amount: 'other', customYuan: '12.345' }, 'customYuan', /两位小数/],
      [{ amount: 'other', customYuan: 'abc' }, 'customYuan', /数字金额/],
      [{ anonymous: 'no', displayName: '  ' }, 'displayName', /展示名/],
      [{ anonymous: 'no', displayName: '电话13812345678' }, 'displayName', /隐私/],
      [{ receipt: 'wanted', receiptName: '' }, 'receiptName', /票据抬头不能为空/],
      [{ receipt: 'wanted', receiptName: '张某', receiptTaxId: '123456' }, 'receiptTaxId', /校验位/],
      [{ receipt: 'wanted', receiptName: '张某', receiptEmail: 'not-mail' }, 'receiptEmail', /邮箱/],
      [{ channel: 'cash' }, 'channel', /支付方式/],
      [{ targetGroup: 'nobody' }, 'targetGroup', /帮扶对象/],
    ];
    for (const [change, field, message] of cases) {
      const target = 'targetGroup' in change ? ({ kind: 'pool', region: '520000' } as const) : project;
      const r = buildDonationRequest({ ...base, ...change }, target, bounds);
      expect(r.ok, JSON.stringify(change)).toBe(false);
      if (r.ok) continue;
      expect(r.field, JSON.stringify(change)).toBe(field);
      expect(r.message, JSON.stringify(change)).toMatch(message);
    }
  });

  it("maps the API's error fields to the form's controls", () => {
    expect(formFieldOf('amountFen', { amount: '5000' })).toBe('amount');
    expect(formFieldOf('amountFen', { amount: 'other' })).toBe('customYuan');
    expect(formFieldOf('receipt.taxId', { amount: '' })).toBe('receiptTaxId');
    expect(formFieldOf('displayName', { amount: '' })).toBe('displayName');
    expect(formFieldOf('projectSlug', { amount: '' })).toBe('form');
    expect(formFieldOf(undefined, { amount: '' })).toBe('form');
  });
});
