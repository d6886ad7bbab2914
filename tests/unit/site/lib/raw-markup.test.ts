import { describe, expect, it } from 'vitest';
import { findRawMarkup, visibleText } from '../../../../site/lib/raw-markup.ts';

describe('findRawMarkup', () => {
  it.each([
    ['bold left after CJK punctuation', '<p>**规范转介流程。**民政部门在征得同意后转介</p>', '粗体标记'],
    ['underscore bold', '<p>见 __重点__ 部分</p>', '粗体标记'],
    ['strikethrough', '<li>原计划 ~~十万~~ 元</li>', '删除线标记'],
    ['italic', '<p>这是 *强调* 的内容</p>', '斜体标记'],
    ['a link', '<p>详见[慈善中国](https://cszg.mca.gov.cn/)。</p>', '链接语法'],
    ['a heading line', '<div>\n## 项目背景\n</div>', '标题标记'],
    ['inline code', '<p>字段 `goalFen` 为分</p>', '代码标记'],
  ])('finds %s', (_name, html, kind) => {
    expect(findRawMarkup(html)?.kind).toBe(kind);
  });

  it('quotes a little of the text around what it found', () => {
    expect(findRawMarkup('<p>主要做法</p><p>**建立需求清单。**依托监测信息</p>')?.excerpt).toBe(
      '主要做法 **建立需求清单。**依托监测信息',
    );
  });

  it.each([
    ['rendered bold', '<p><strong>规范转介流程。</strong>民政部门</p>'],
    ['markers only in attributes', '<a href="/x" aria-label="**不显示**">链接</a>'],
    ['a script', '<script>const a = b ** 2; // **x**</script><p>正文</p>'],
    ['a style', '<style>a[href*="x"]{}</style><p>正文</p>'],
    ['a code sample', '<pre><code>**粗体**</code></pre><p>正文</p>'],
    ['a comment', '<!-- **x** --><p>正文</p>'],
    ['a footnote star', '<p>* 注：金额以分计</p>'],
    ['arithmetic', '<p>3 * 4 = 12，2*3*4</p>'],
    ['a hash that is not a heading', '<p>第#1号 #标签</p>'],
    ['square brackets that are not a link', '<p>[2026]第 3 号（见附件）</p>'],
  ])('passes %s', (_name, html) => {
    expect(findRawMarkup(html)).toBeNull();
  });

  it('sees only text: tags become line breaks, scripts and code go', () => {
    expect(visibleText('<p>甲</p><script>x</script><pre>y</pre><p>乙</p>').replace(/\n+/g, '|')).toBe('|甲|乙|');
  });
});
