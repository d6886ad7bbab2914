import { describe, expect, it } from 'vitest';
import { slugFromTitle } from '../../../../../cms/src/lib/pinyin-slug.ts';
import { slug } from '../../../../../content/index.ts';

describe('网址标识按标题的拼音生成', () => {
  it.each([
    ['2026年第二季度项目进展', '2026-nian-di-er-ji-du-xiang-mu-jin-zhan'],
    ['岷县困境儿童助学行动', 'min-xian-kun-jing-er-tong-zhu-xue-xing-dong'],
    ['“绿色”ABC 计划（第 2 期）', 'lv-se-abc-ji-hua-di-2-qi'],
    ['王奶奶', 'wang-nai-nai'],
  ])('%s → %s', (title, expected) => {
    expect(slugFromTitle(title)).toBe(expected);
    expect(slug.safeParse(expected).success).toBe(true);
  });

  it('超长的标题在音节处截断，不超过上限', () => {
    const out = slugFromTitle('中华人民共和国慈善法规定的公开募捐方案备案与信息公开要求'.repeat(3), 80);
    expect(out.length).toBeLessThanOrEqual(80);
    expect(out.endsWith('-')).toBe(false);
    expect(slug.safeParse(out).success).toBe(true);
  });

  it('没有汉字和字母数字时为空（由 Strapi 的默认规则接手）', () => {
    expect(slugFromTitle('——')).toBe('');
  });
});
