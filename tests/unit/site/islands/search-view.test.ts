import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../../search/client/types.ts';
import {
  facetValueLabel,
  facetValues,
  pagerModel,
  statusText,
  truncatedNotice,
} from '../../../../site/islands/search-view.ts';

const response = (over: Partial<SearchResponse> = {}): SearchResponse => ({
  state: 'results',
  query: '低保',
  truncated: false,
  total: 35,
  hits: [],
  facets: {},
  page: 2,
  pageSize: 10,
  engine: 'pagefind',
  fellBack: false,
  ...over,
});

describe('what the search page says', () => {
  it('states the total, the page, an empty query and an unavailable engine in Chinese', () => {
    expect(statusText(response())).toBe('找到 35 条与“低保”相关的结果，当前第 2 页。');
    expect(statusText(response({ state: 'empty', query: '' }))).toContain('请输入');
    expect(statusText(response({ state: 'no-results', total: 0 }))).toBe('没有找到与“低保”相关的内容。');
    expect(statusText(response({ state: 'unavailable', message: '搜索暂时不可用。' }))).toBe('搜索暂时不可用。');
  });

  it('notices a cut query by its length in characters', () => {
    expect(truncatedNotice(response())).toBeNull();
    expect(truncatedNotice(response({ truncated: true, query: '失能老人' }))).toBe(
      '搜索词过长，只按前 4 个字搜索：“失能老人”。',
    );
  });

  it('lists facet values most results first and keeps a chosen value that counts none', () => {
    expect(facetValues({ 甲: 1, 乙: 5, 丙: 5 }, ['丁'])).toEqual(['丁', '丙', '乙', '甲']);
    expect(facetValueLabel('type', 'project')).toBe('慈善项目');
    expect(facetValueLabel('acceptingDonations', 'true')).toBe('可在线捐赠');
    expect(facetValueLabel('province', '甘肃省')).toBe('甘肃省');
  });

  it('links previous and next pages with the state in the URL, and none for one page', () => {
    const model = pagerModel(response(), { q: '低保', filters: { province: ['甘肃省'] }, page: 2 });
    expect(model?.current).toBe('第 2 / 4 页');
    expect(model?.previous).toEqual({
      page: 1,
      text: '上一页',
      href: `/search/?q=${encodeURIComponent('低保')}&province=${encodeURIComponent('甘肃省')}`,
    });
    expect(model?.next?.page).toBe(3);
    expect(pagerModel(response({ total: 8, page: 1 }), { q: '低保', filters: {}, page: 1 })).toBeNull();
  });
});
