import { describe, expect, it } from 'vitest';
import { hitMetaLine } from '../../../../search/client/hit-meta.ts';

describe('the line under a search result', () => {
  it('writes the published day the Chinese way, though the index keeps it ISO for sorting', () => {
    const line = hitMetaLine({
      id: 'd-1',
      type: 'disclosure',
      title: '第一期项目进展',
      url: '/projects/p-1/#d-1',
      excerptHtml: '',
      meta: { typeLabel: '信息公开', project: '助学计划', charity: '某基金会', publishedOn: '2026-09-05' },
    });
    expect(line).toBe('信息公开 · 所属项目：助学计划 · 某基金会 · 2026年9月5日');
  });

  it('leaves out what a hit does not carry', () => {
    const line = hitMetaLine({
      id: 'c',
      type: 'charity',
      title: '某基金会',
      url: '/charities/c/',
      excerptHtml: '',
      meta: { typeLabel: '慈善组织', charity: '某基金会' },
    });
    expect(line).toBe('慈善组织');
  });
});
