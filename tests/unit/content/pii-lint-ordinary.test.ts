import { describe, expect, it } from 'vitest';
import { lintPii } from '../../../content/rules/pii-lint.ts';

/**
 * Ordinary sentences with numbers, the kind disclosures and plans are full of: the lint must stay
 * silent on every one (an editor who learns to ignore false alarms is worse than no lint). Each
 * row sits close to one of the wider rules of issue 13: cued IDs without a checksum, dotted and
 * spaced phones, names after 患者/病人, compound and added surnames.
 */
const found = (text: string) => lintPii(text).map((f) => [f.kind, f.text]);

describe('lintPii stays silent on ordinary sentences with numbers', () => {
  it.each([
    // amounts, including phone-shaped ones
    ['an amount with separators', '本季度支出 138,123,456.78 元，结余 1,381,234.00 元'],
    ['an amount in fen shaped like a mobile', '累计到账 13812345678 分'],
    ['a mobile-shaped amount with decimals', '合计 13812345678.00 元'],
    ['a decimal amount in 万元', '目标 138.12 万元，已筹 13.81 万元'],
    ['a yuan sign before a long amount', '善款 ￥13812345678'],
    ['an amount written with spaces', '共计 138 123 元用于购买药品'],
    ['percentages and per-mille', '管理费用不超过 6%，募捐成本不超过 20‰'],
    // dates
    ['dotted dates', '2024.05.01—2024.06.30 期间共走访 138 户'],
    ['compact date ranges', '执行期 20240501-20241231'],
    ['Chinese dates', '自 1990 年 3 月 7 日起，至 2024年12月31日止'],
    ['a date and a count', '2024-05-01 发放 1234 份，5678 人受益'],
    // filing numbers, credit codes, document numbers
    ['a filing number', '募捐方案备案编号：53100000500012345U0001'],
    ['a filing number shaped like an ID', '备案号 110105199003071234'],
    ['a 17-digit filing number', '备案编号 11010519491231002'],
    ['a credit code', '统一社会信用代码 53100000500012345U'],
    ['a digits-only credit code', '信用代码：531000005000000102'],
    ['a document number', '依据民发〔2023〕46号、甘民发〔2024〕138号'],
    ['an archive number after an ID cue', '身份证号已隐去，档案编号 110105202405011234'],
    ['an order number', '订单号 20240501123456789'],
    ['a dotted version or code', '标准 GB/T 2260-2007，版本 1.3.12'],
    // ID cues without an ID
    ['an ID cue and a count', '查验身份证 1234 份，登记表 15 份'],
    ['an ID cue and a date', '凭身份证于 2024年5月1日 领取'],
    ['an ID cue and an amount', '持身份证办理，每户补助 110105.50 元'],
    ['an ID cue and a year range', '身份证有效期 2015.03.07-2035.03.07'],
    ['an ID cue and a 15-digit run without a date', '证件号码：110105999999002'],
    // phone-like numbers that are not phones
    ['a service line', '服务热线 400-123-4567，95588'],
    ['a dotted number that is not three groups', '编码 138.12345678'],
    ['a number starting 12', '12812345678'],
    // words after 患者/病人 and other cues that start with a surname
    ['words after 患者', '患者曾经在医院治疗，患者白血病治疗费用高，患者黄疸已消退'],
    ['more words after 患者', '病人陆续出院，患者周围的人，患者程度较轻，病人家属陪同'],
    ['places after a cue', '患者江西籍，病人郑州来的，户主安徽人'],
    ['added surnames as ordinary words', '患者常年卧床，患者康复出院，户主万一外出，患者安全第一，患者关节疼痛'],
    ['more of them', '患者包括老人，申请人申请后，病人尚未出院，病人平时'],
    ['aliases with compound surnames', '患者欧阳奶奶、司马叔叔'],
    ['a compound surname as a word', '欧阳修的词'],
    ['role words', '患者本人，患者及家属，受助人本人签字，联系人电话'],
  ])('%s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
