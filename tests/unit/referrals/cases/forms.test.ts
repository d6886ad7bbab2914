import { describe, expect, it } from 'vitest';
import { helpSchema, referralFormSchema } from '../../../../referrals/cases/forms.ts';

const base = {
  targetGroup: 'minors',
  serviceType: 'education',
  urgency: 'normal',
  govAssistance: 'none',
  name: '测试户',
  householdSize: '2',
  consentGiven: 'yes',
  consentBy: '测试户',
  consentRelation: 'self',
  consentOn: '2026-06-10',
  consentUntil: '2026-12-31',
  consentFields: 'name',
};
const issues = (input: Record<string, unknown>) => {
  const r = referralFormSchema('2026-06-10').safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
};

describe('the referral form', () => {
  it('accepts a complete form; a single consent field arrives as a list', () => {
    const r = referralFormSchema('2026-06-10').parse(base);
    expect(r.consentFields).toEqual(['name']);
    expect(r.idNumber).toBeNull();
  });

  it.each([
    [{ consentGiven: undefined }, 'consentGiven'],
    [{ minor: 'yes' }, 'guardianName'],
    [{ minor: 'yes', guardianName: '监护人' }, 'consentRelation'],
    [{ consentOn: '2026-06-11' }, 'consentOn'],
    [{ consentUntil: '2026-06-10' }, 'consentUntil'],
    [{ govAssistance: 'refused' }, 'govReason'],
    [{ idNumber: '621126201001010012' }, 'idNumber'],
    [{ phone: '12345' }, 'phone'],
    [{ householdSize: '0' }, 'householdSize'],
  ])('refuses %o at %s', (change, field) => {
    expect(issues({ ...base, ...change }).some((i) => i.startsWith(`${field}:`))).toBe(true);
  });

  it('money help needs an amount, in fen', () => {
    expect(helpSchema.safeParse({ kind: 'cash', amountFen: null, startedOn: '2026-06-10', endedOn: '' }).success).toBe(
      false,
    );
    expect(
      helpSchema.parse({ kind: 'goods', amountFen: null, startedOn: '2026-06-10', endedOn: '' }).endedOn,
    ).toBeNull();
    expect(helpSchema.safeParse({ kind: 'cash', amountFen: 1.5, startedOn: '2026-06-10', endedOn: '' }).success).toBe(
      false,
    );
  });
});
