import { describe, expect, it } from 'vitest';
import { buildReferralAggregates, type ReferralFact } from '../../../../../content/index.ts';
import { referralSectionBodyHtml } from '../../../../../site/lib/render/referral-tables.ts';

const P = '620000';
const names = (code: string) =>
  ({ [P]: '甘肃省', '621126': '甘肃省定西市岷县', '621121': '甘肃省定西市通渭县', '621122': '甘肃省定西市陇西县' })[
    code
  ];
const fact = (county: string, outcome: ReferralFact['outcome']): ReferralFact => ({
  direction: 'to-charity',
  provinceCode: P,
  countyCode: county,
  targetGroup: 'disabled',
  createdOn: '2026-10-01',
  outcome,
  ...(outcome === 'helped' ? { acceptedOn: '2026-10-03' } : {}),
});
const facts = [
  ...Array.from({ length: 3 }, () => fact('621126', 'helped')),
  ...Array.from({ length: 12 }, () => fact('621121', 'helped')),
  ...Array.from({ length: 9 }, () => fact('621122', 'declined')),
];
const aggregates = buildReferralAggregates(facts, '2026-12-01', names);

describe('referralSectionBodyHtml', () => {
  it('a province: its tables, counties named without the province, "<5" and 已隐去 with their explanation', () => {
    const html = referralSectionBodyHtml(aggregates, P).value;
    expect(html).toContain('甘肃省：民政部门转介至慈善组织（按帮扶对象）');
    expect(html).toContain('<th scope="row">定西市岷县</th>');
    expect(html).toContain('<span class="cell-small">&lt;5</span>');
    expect(html).toContain('<span class="cell-hidden">已隐去</span>');
    expect(html).toContain('<summary>定西市通渭县：按帮扶对象</summary>');
    expect(html).toContain('1 至 4 件');
    expect(html).toContain('/data/referrals.csv');
    // The hidden counts are nowhere in the markup (3 in 岷县, 9 in 陇西县).
    expect(html).not.toMatch(/<td class="num">[39]<\/td>/);
  });

  it('the country: provinces link to their needs page; empty and missing aggregates say so', () => {
    expect(referralSectionBodyHtml(aggregates, null).value).toContain('href="/needs/620000/#referrals"');
    expect(referralSectionBodyHtml(undefined, null).value).toContain('还没有转介衔接的统计');
    expect(referralSectionBodyHtml(aggregates, '110000').value).toContain('本省尚无经本平台的转介或报告');
  });
});
