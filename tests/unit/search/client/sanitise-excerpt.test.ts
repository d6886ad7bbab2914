import { describe, expect, it } from 'vitest';
import {
  MEILI_MARK_CLOSE as C,
  MEILI_MARK_OPEN as O,
  plainText,
  safePath,
  sanitiseMeiliExcerpt,
  sanitisePagefindExcerpt,
} from '../../../../search/client/sanitise-excerpt.ts';

/** The only tags a sanitised excerpt may contain. */
const onlyMarks = (html: string) => html.replace(/<\/?mark>/g, '').includes('<') === false;

describe('摘要净化：只留下 <mark>', () => {
  it.each([
    ['<script>alert(1)</script><mark>低保</mark>', '&lt;script&gt;alert(1)&lt;/script&gt;<mark>低保</mark>'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>助学', '&lt;img src=x onerror=alert(1)&gt;助学'],
    ['<mark onclick="x()">低保</mark>', '&lt;mark onclick=&quot;x()&quot;&gt;低保'],
    ['<MARK>大写</MARK>', '<mark>大写</mark>'],
    ['<mark>未闭合', '<mark>未闭合</mark>'],
    ['多余</mark>的结束', '多余的结束'],
    ['<mark><mark>嵌套</mark></mark>', '<mark>嵌套</mark>'],
    ['<a href="javascript:alert(1)">点我</a>', '&lt;a href=&quot;javascript:alert(1)&quot;&gt;点我&lt;/a&gt;'],
    ['"引号" \'单引号\' & 与', '&quot;引号&quot; &#39;单引号&#39; &amp; 与'],
    ['&amp;lt;b&amp;gt;', '&amp;lt;b&amp;gt;'],
    ['<<mark>>x', '&lt;<mark>&gt;x</mark>'],
    ['\u0000控制\u0007字符\ue000', '控制字符'],
  ])('Pagefind %j', (input, expected) => {
    const out = sanitisePagefindExcerpt(input);
    expect(out).toBe(expected);
    expect(onlyMarks(out)).toBe(true);
  });

  it('Meilisearch 的私用区高亮符变成 <mark>，文本里的标签被转义', () => {
    expect(sanitiseMeiliExcerpt(`前${O}<script>x</script>${C}后`)).toBe(
      '前<mark>&lt;script&gt;x&lt;/script&gt;</mark>后',
    );
    expect(sanitiseMeiliExcerpt('<mark>伪造</mark>')).toBe('&lt;mark&gt;伪造&lt;/mark&gt;');
    expect(sanitiseMeiliExcerpt(`${O}未闭合`)).toBe('<mark>未闭合</mark>');
    expect(sanitiseMeiliExcerpt('&lt;保持&gt;')).toBe('&amp;lt;保持&amp;gt;');
  });

  it('不是字符串时为空', () => {
    expect(sanitisePagefindExcerpt(undefined)).toBe('');
    expect(sanitiseMeiliExcerpt({ toString: () => '<script>' })).toBe('');
  });

  it('大量随机的敌意输入里也只有 <mark>', () => {
    const pieces = [
      '<',
      '>',
      '<mark>',
      '</mark>',
      '<script>',
      '"',
      "'",
      '&',
      '&lt;',
      '低保',
      ' ',
      'on',
      '=',
      '/',
      '\ue000',
      '\ue001',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 500; n++) {
      const s = Array.from({ length: 20 }, () => pieces[next() % pieces.length]).join('');
      expect(onlyMarks(sanitisePagefindExcerpt(s))).toBe(true);
      expect(onlyMarks(sanitiseMeiliExcerpt(s))).toBe(true);
    }
  });
});

describe('标题、元数据与链接', () => {
  it('标题和元数据是纯文本（由岛屿按文本渲染）', () => {
    expect(plainText('  <mark>低保</mark>\n项目 ')).toBe('低保 项目');
    expect(plainText('&lt;b&gt;', { decode: true })).toBe('<b>');
    expect(plainText(42)).toBe('');
  });

  it.each([
    ['/projects/a/', '/projects/a/'],
    ['/needs/620000/#need-x', '/needs/620000/#need-x'],
    ['//evil.example/', null],
    ['/\\evil.example', null],
    ['javascript:alert(1)', null],
    ['https://evil.example/', null],
    ['/a b', null],
    ['/a"onmouseover="x', null],
    [undefined, null],
  ])('safePath(%j) = %j', (input, expected) => {
    expect(safePath(input)).toBe(expected);
  });
});
