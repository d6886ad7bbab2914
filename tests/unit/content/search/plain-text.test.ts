import { describe, expect, it } from 'vitest';
import { decodeEntities, richTextToPlain, stripHtml, truncate } from '../../../../content/search/plain-text.ts';

describe('richTextToPlain', () => {
  it.each([
    ['## 项目背景\n\n砀山县位于**大别山区**。', '项目背景 砀山县位于大别山区。'],
    ['- 协助办理\n- 提供*补贴*\n1. 第一\n2) 第二', '协助办理 提供补贴 第一 第二'],
    ['> 本案例为演示数据\n> 第二行', '本案例为演示数据 第二行'],
    ['见[民政部](https://www.mca.gov.cn)公告与![图](a.png)', '见民政部公告与图'],
    ['`代码` 与 ~~删除~~ 与 __强调__', '代码 与 删除 与 强调'],
    ['| 项目 | 金额 |\n|---|---:|\n| 助学 | 100 |', '项目 金额 助学 100'],
    ['```\nfenced\n```\n\n---\n\n正文', 'fenced 正文'],
    ['a_b_c 与 1\\*2', 'a_b_c 与 1*2'],
    ['[参考]: https://example.org\n正文', '正文'],
  ])('%j → %j', (input, expected) => {
    expect(richTextToPlain(input)).toBe(expected);
  });

  it('脚本、样式及其内容整体去掉，其他标签留下文字', () => {
    expect(richTextToPlain('前<script type="x">alert(1)</script>中<STYLE>p{}</STYLE><b>后</b>')).toBe('前 中 后');
    expect(richTextToPlain('<div onclick="x()">块</div><!-- 注释 -->尾')).toBe('块 尾');
    expect(richTextToPlain('正文<script>永不闭合')).toBe('正文');
    expect(richTextToPlain('<iframe src=//evil></iframe>安全')).toBe('安全');
  });

  it('实体解码一次，结果仍是文本（由显示端转义）', () => {
    expect(richTextToPlain('&lt;script&gt; &amp; &#x4E2D;&#25991;')).toBe('<script> & 中文');
    expect(decodeEntities('&unknown; &#0; &#xD800;')).toBe('&unknown;    ');
    expect(stripHtml('<a href="x">文字</a>')).toBe(' 文字 ');
  });

  it('truncate 不切断代理对，并标出截断', () => {
    expect(truncate('一二三', 5)).toBe('一二三');
    expect(truncate('一二三四', 2)).toBe('一二…');
    expect(truncate('😀😀😀', 2)).toBe('😀😀…');
  });
});
