import { describe, expect, it } from 'vitest';
import { lintEntryText, maskPii, PII_LINTED_FIELDS } from '../../../../content/rules/publish-lint.ts';
import { COLLECTIONS } from '../../../../content/snapshot/snapshot-schema.ts';
import { makeDisclosure, makeProject } from '../../../support/fixtures/content.ts';

describe('maskPii', () => {
  it.each([
    ['13812345678', '138…'],
    ['11010519491231002X', '110…'],
    ['中山路12号', '中山…'],
    ['张三', '张…'],
    ['张三丰', '张…'],
    ['0931-8123456', '093…'],
  ])('%s → %s', (text, expected) => {
    expect(maskPii(text)).toBe(expected);
  });
});

describe('PII_LINTED_FIELDS', () => {
  it('names every collection of the snapshot', () => {
    expect(Object.keys(PII_LINTED_FIELDS).sort()).toEqual(Object.keys(COLLECTIONS).sort());
  });

  it('lints a charity’s free text but not its own public phone and address', () => {
    expect(PII_LINTED_FIELDS.charities).toContain('summary');
    expect(PII_LINTED_FIELDS.charities).not.toContain('contact.phone');
    const issues = lintEntryText('charities', {
      contact: { phone: '13812345678', address: '兰州市城关区中山路12号' },
      summary: '受助人电话13812345678',
    });
    expect(issues.map((i) => i.field)).toEqual(['summary']);
  });
});

describe('lintEntryText', () => {
  it('reports the field and a masked sample, never the full number', () => {
    const issues = lintEntryText('caseSummaries', {
      alias: '王奶奶',
      situation: '独居，联系电话13812345678',
      outcome: '已纳入特困供养',
    });
    expect(issues).toEqual([{ entry: '', field: 'situation', message: '疑似手机号码：“138…”' }]);
    expect(JSON.stringify(issues)).not.toContain('13812345678');
  });

  it.each([
    ['caseSummaries', 'alias', '姓名：张三'],
    ['caseSummaries', 'governmentAssistance', '卡号6222021234567890128'],
    ['caseSummaries', 'charityHelp', '送到中山路12号'],
    ['needs', 'title', '身份证11010519491231002X'],
    ['needs', 'description', '联系0931-8123456'],
    ['typicalCases', 'title', '患者王五今年68岁'],
    ['typicalCases', 'summary', '电话13812345678'],
    ['typicalCases', 'body', '电话13812345678'],
    ['awards', 'citation', '电话13812345678'],
    ['campaigns', 'description', '电话13812345678'],
    ['disclosures', 'title', '电话13812345678'],
    ['disclosures', 'body', '电话13812345678'],
    ['projects', 'title', '电话13812345678'],
    ['projects', 'summary', '电话13812345678'],
    ['projects', 'story', '电话13812345678'],
    // Rendered publicly but not linted before issue 13:
    ['campaigns', 'title', '患者王五今年68岁'],
    ['campaigns', 'theme', '电话13812345678'],
    ['needs', 'department', '联系人李四电话见附件'],
    ['charities', 'summary', '身份证11010519491231002X'],
  ] as const)('%s.%s is linted', (collection, field, text) => {
    const issues = lintEntryText(collection, { [field]: text });
    expect(issues.map((i) => i.field)).toEqual([field]);
  });

  it.each([
    ['plan.fundraisingCost', { fundraisingCost: '电话13812345678' }],
    ['plan.remainingProperty', { remainingProperty: '转入户主陈小明的账户' }],
    [
      'plan.partners[1].name',
      {
        partners: [
          { name: '某基金会', role: '执行' },
          { name: '姓名：张三', role: '执行' },
        ],
      },
    ],
    ['plan.partners[0].role', { partners: [{ name: '某基金会', role: '联系0931-8123456' }] }],
  ])('lints the plan field %s (rendered publicly, not linted before issue 13)', (path, plan) => {
    const issues = lintEntryText('projects', { plan });
    expect(issues.map((i) => i.field)).toEqual([path]);
  });

  it('walks nested plan fields of a project', () => {
    const project = makeProject();
    const entry = {
      ...project,
      plan: { ...project.plan, purpose: '为中山路12号的住户提供帮助', useOfFunds: '汇入6222021234567890128' },
    };
    expect(lintEntryText('projects', entry).map((i) => [i.field, i.message])).toEqual([
      ['plan.purpose', '疑似详细地址（门牌号）：“中山…”'],
      ['plan.useOfFunds', '疑似银行卡号：“622…”'],
    ]);
  });

  it.each(['plan.beneficiaryScope', 'plan.beneficiarySelection'])('lints %s', (path) => {
    const key = path.split('.')[1] as string;
    const issues = lintEntryText('projects', { plan: { [key]: '户主陈小明，家中三口人' } });
    expect(issues.map((i) => i.field)).toEqual([path]);
  });

  it('copes with a project without a plan', () => {
    expect(lintEntryText('projects', { ...makeProject({ window: null }), plan: null })).toEqual([]);
  });

  it('names the expense line by index', () => {
    const expense = (item: string) => ({
      date: '2024-03-01',
      item,
      category: 'materials',
      amountFen: 10_000,
      beneficiariesReached: 1,
    });
    const disclosure = makeDisclosure('d1', 'fund-usage', '2024-03-02', {
      expenses: [expense('轮椅'), expense('护理床'), expense('送至阳光小区3栋2单元501'), expense('药品')],
    });
    expect(lintEntryText('disclosures', disclosure)).toEqual([
      { entry: '', field: 'expenses[2].item', message: '疑似详细地址（门牌号）：“阳光小…”' },
    ]);
  });

  it('reports each finding of a field separately', () => {
    const issues = lintEntryText('needs', { description: '电话13812345678，身份证11010519491231002X' });
    expect(issues.map((i) => i.message)).toEqual(['疑似手机号码：“138…”', '疑似身份证号码：“110…”']);
  });

  it('ignores fields that are not linted, missing or not strings', () => {
    expect(lintEntryText('caseSummaries', { slug: '13812345678', situation: 42, outcome: null })).toEqual([]);
    expect(lintEntryText('disclosures', { expenses: 'none' })).toEqual([]);
    expect(lintEntryText('projects', { title: '岷县助学', plan: '13812345678' })).toEqual([]);
  });

  it('passes a clean project', () => {
    expect(lintEntryText('projects', makeProject())).toEqual([]);
  });
});
