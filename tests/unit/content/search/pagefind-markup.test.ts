import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../../content/search/documents.ts';
import {
  pagefindContent,
  pagefindFilters,
  pagefindHtml,
  pagefindMeta,
  searchTerms,
} from '../../../../content/search/pagefind-markup.ts';
import { pagefindRecord } from '../../../../search/index/pagefind-index.ts';

const doc: SearchDocument = {
  id: 'project-minxian-a',
  type: 'project',
  slug: 'minxian-a',
  url: '/projects/minxian-a/',
  title: '岷县<script>alert(1)</script>特困人员健康守护计划',
  summary: '摘要 "引号"',
  body: '正文 & 更多',
  keywords: ['品牌项目'],
  province: ['甘肃省'],
  region: ['甘肃省定西市岷县'],
  targetGroup: ['特困人员'],
  serviceType: ['医疗救助', '访视照料'],
  status: '募捐中',
  acceptingDonations: true,
  keyCounty: true,
  charity: ['陇原"安心"助老基金会'],
  project: null,
  projectSlug: null,
  publishedOn: '2025-01-02',
  typeRank: 0,
};

describe('Pagefind 的约定（模板要输出的属性）', () => {
  it('筛选：分面名即筛选名，布尔值为 "true"/"false"，空分面不出现；region 只作 meta（不作 Pagefind 筛选）', () => {
    expect(pagefindFilters(doc)).toEqual({
      type: ['project'],
      province: ['甘肃省'],
      targetGroup: ['特困人员'],
      serviceType: ['医疗救助', '访视照料'],
      status: ['募捐中'],
      acceptingDonations: ['true'],
      keyCounty: ['true'],
      charity: ['陇原"安心"助老基金会'],
    });
    expect(pagefindFilters({ ...doc, status: null, acceptingDonations: null, charity: [] })).not.toHaveProperty(
      'status',
    );
  });

  it('元数据：标题、编号、类型，以及结果行要显示的字段', () => {
    expect(pagefindMeta(doc)).toEqual({
      title: doc.title,
      id: 'project-minxian-a',
      type: 'project',
      typeLabel: '慈善项目',
      charity: '陇原"安心"助老基金会',
      region: '甘肃省定西市岷县',
      status: '募捐中',
      acceptingDonations: 'true',
      publishedOn: '2025-01-02',
      terms: searchTerms([doc.title]),
    });
    // Words as Intl.Segmenter splits them (what the browser does to the query), punctuation dropped.
    expect(searchTerms(['岷县特困人员健康守护计划']).split(' ').join('')).toBe('岷县特困人员健康守护计划');
    expect(searchTerms(['岷县特困人员健康守护计划']).split(' ')).toContain('人员');
    expect(searchTerms([doc.title])).not.toMatch(/[<>()/]/);
  });

  it('参考页面：lang=zh-CN，一个 data-pagefind-body，属性值与文字都已转义', () => {
    const html = pagefindHtml(doc);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html.match(/data-pagefind-body/g)).toHaveLength(1);
    expect(html).toContain('<h1 data-pagefind-meta="title">岷县&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('data-pagefind-filter="charity:陇原&quot;安心&quot;助老基金会"');
    expect(html).toContain('data-pagefind-filter="acceptingDonations:true"');
    expect(html).toContain('data-pagefind-meta="id:project-minxian-a"');
    expect(html).not.toContain('<script>');
  });

  it('自定义记录：语言 zh-cn，正文先标题后正文，排序键', () => {
    const r = pagefindRecord(doc);
    expect(r).toMatchObject({ url: '/projects/minxian-a/', language: 'zh-cn', sort: { typeRank: '0' } });
    expect(pagefindContent(doc).startsWith(doc.title)).toBe(true);
    expect(pagefindContent(doc)).toContain('正文 & 更多');
  });
});
