import { describe, expect, it } from 'vitest';
import { findRawMarkup } from '../../../../site/lib/raw-markup.ts';
import { renderRichText } from '../../../../site/lib/rich-text.ts';
import { demoSnapshot } from '../../../support/fixtures/site.ts';

/**
 * Every Markdown text of the demo dataset, rendered as the site renders it, shows no raw markup.
 * Issue 15: `**规范转介流程。**民政部门…` (bold closing after Chinese punctuation) stayed as
 * asterisks on 24 of 25 case pages under plain CommonMark flanking rules.
 */
function richTexts(): [string, string][] {
  const s = demoSnapshot();
  return [
    ...s.projects.map((p): [string, string] => [`项目 ${p.slug}`, p.story]),
    ...s.disclosures.map((d): [string, string] => [`公开 ${d.slug}`, d.body]),
    ...s.typicalCases.map((t): [string, string] => [`典型案例 ${t.slug}`, t.body]),
    ...s.campaigns.map((c): [string, string] => [`活动 ${c.slug}`, c.description]),
  ];
}

describe('demo rich text', () => {
  const texts = richTexts();

  it('covers every kind of rich text, including Markdown emphasis', () => {
    const s = demoSnapshot();
    expect(texts.length).toBe(s.projects.length + s.disclosures.length + s.typicalCases.length + s.campaigns.length);
    expect(texts.filter(([, t]) => t.includes('**')).length).toBeGreaterThan(20);
  });

  it('renders with no raw Markdown left in the text', () => {
    const failures = texts.flatMap(([name, text]) => {
      const found = findRawMarkup(renderRichText(text));
      return found ? [`${name}：${found.kind}「${found.excerpt}」`] : [];
    });
    expect(failures).toEqual([]);
  });

  it('turns every bold marker into <strong>', () => {
    for (const [name, text] of texts.filter(([, t]) => t.includes('**'))) {
      const pairs = (text.match(/\*\*/g) ?? []).length / 2;
      expect((renderRichText(text).match(/<strong>/g) ?? []).length, name).toBe(pairs);
    }
  });
});

describe('CJK emphasis', () => {
  it.each([
    [
      'bold closing after 。 before a Han character',
      '**规范转介流程。**民政部门',
      '<strong>规范转介流程。</strong>民政部门',
    ],
    ['bold closing after ， before a letter', '**历经10年发展，**a', '<strong>历经10年发展，</strong>a'],
    ['bold opening before 「', '这是**「重要」**内容', '这是<strong>「重要」</strong>内容'],
    ['italic after ）', '*（试点）*阶段', '<em>（试点）</em>阶段'],
  ])('parses %s', (_name, markdown, html) => {
    expect(renderRichText(markdown)).toBe(`<p>${html}</p>`);
  });

  it('leaves non-CJK emphasis as CommonMark has it', () => {
    expect(renderRichText('**foo**bar and *a*')).toBe('<p><strong>foo</strong>bar and <em>a</em></p>');
    expect(renderRichText('2*3*4 and snake_case_name')).toBe('<p>2<em>3</em>4 and snake_case_name</p>');
  });
});
