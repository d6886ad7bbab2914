import { describe, expect, it } from 'vitest';
import { namedTypes } from '../../../../search/client/type-words.ts';

describe('查询点名的类型', () => {
  it('类型词按子串认；活动名（词表的 campaigns）点名活动', () => {
    expect(namedTypes('慈善项目')).toEqual(['project']);
    expect(namedTypes('四川慈善奖')).toEqual(['award']);
    expect(namedTypes('中华慈善日')).toEqual([]);
    expect(namedTypes('中华慈善日', ['中华慈善日', '敬老月'])).toEqual(['campaign']);
    expect(namedTypes('金秋助学活动', ['金秋助学'])).toEqual(['campaign']);
  });
});
