import { describe, expect, it } from 'vitest';
import { ALLOWED_TAGS, isPlainText, renderRichText } from '../../../../site/lib/rich-text.ts';
import { demoSnapshot } from '../../../support/fixtures/site.ts';

/**
 * Nothing executable or remote may survive, whatever an editor pastes into the CMS. Checks the
 * tags and attributes actually emitted (sanitize-html always double-quotes values), so escaped
 * text that merely mentions `onclick` or `javascript:` is not mistaken for markup.
 */
const SAFE_TAGS = new Set(ALLOWED_TAGS);
// Tags that run code, load remote things or take input: none may ever be on the allowlist.
const NEVER = [
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'img',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'link',
  'meta',
  'base',
  'audio',
  'video',
  'source',
  'template',
];

it('keeps executable, remote and form tags off the allowlist', () => {
  for (const tag of NEVER) expect(SAFE_TAGS.has(tag), tag).toBe(false);
});

function assertInert(html: string): void {
  for (const tag of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const [, name = '', rest = ''] = tag;
    expect(SAFE_TAGS.has(name.toLowerCase()), `tag <${name}> in ${html}`).toBe(true);
    const withoutValues = rest.replace(/="[^"]*"/g, '');
    const attributes = withoutValues.trim().split(/\s+/).filter(Boolean);
    for (const attribute of attributes) expect(['href', 'title', 'rel', 'start', 'scope'], html).toContain(attribute);
    for (const [, href = ''] of rest.matchAll(/href="([^"]*)"/g)) {
      expect(href, html).toMatch(/^(https?:\/\/[^/]|mailto:|#|\/[^/]|[a-z0-9])/i);
      expect(href.toLowerCase(), html).not.toMatch(/^(javascript|vbscript|data):/);
    }
  }
}

const HOSTILE: [string, string][] = [
  ['a script tag', 'Hello <script>alert(1)</script> world'],
  [
    'a script tag with odd case and attributes',
    '<ScRiPt type="text/javascript" src="https://evil.example/x.js"></ScRiPt>',
  ],
  ['a split script tag', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  ['an event handler on an allowed tag', '<p onclick="alert(1)" onmouseover=alert(2)>hi</p>'],
  ['an image with onerror', '<img src=x onerror="alert(1)">'],
  ['a markdown javascript: link', '[点我](javascript:alert(1))'],
  ['a markdown javascript: link with entities', '[点我](jav&#x61;script:alert(1))'],
  ['a javascript: link with a tab inside', '<a href="java\tscript:alert(1)">x</a>'],
  ['an upper-case JAVASCRIPT: link', '<a href="JAVASCRIPT:alert(1)">x</a>'],
  ['a javascript: link with leading spaces', '<a href="   javascript:alert(1)">x</a>'],
  ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>'],
  ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['a data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['a protocol-relative link', '<a href="//evil.example/">x</a>'],
  ['an iframe', '<iframe src="https://evil.example"></iframe>'],
  ['an svg with onload', '<svg onload="alert(1)"><circle r="1"/></svg>'],
  ['inline style', '<p style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</p>'],
  ['a style element', '<style>body{display:none}</style>text'],
  ['a form', '<form action="https://evil.example"><input name="card"></form>'],
  ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">'],
  ['an HTML comment hiding a script', '<!--><script>alert(1)</script>-->'],
  ['a reference-style javascript link', '[a][1]\n\n[1]: javascript:alert(1)'],
  ['a link title breaking out of the attribute', '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")'],
];

describe('renderRichText with hostile input', () => {
  it('uses a checker that would catch what it looks for', () => {
    expect(() => assertInert('<p onclick="x">a</p>')).toThrow();
    expect(() => assertInert('<a href="javascript:alert(1)">a</a>')).toThrow();
    expect(() => assertInert('<script>alert(1)</script>')).toThrow();
    expect(() => assertInert('<a href="//evil.example/">a</a>')).toThrow();
  });

  for (const [name, input] of HOSTILE) {
    it(`neutralises ${name}`, () => {
      assertInert(renderRichText(input));
    });
  }

  it('does not leave the source of a removed script behind as text', () => {
    const html = renderRichText('前言\n\n<script>stealCookies()</script>\n\n后记');
    expect(html).not.toContain('stealCookies');
    expect(html).toContain('前言');
    expect(html).toContain('后记');
  });

  it('keeps ordinary links, marked as not endorsed and without referrer', () => {
    const html = renderRichText('详见[慈善中国](https://cszg.mca.gov.cn/)和 <mailto:info@example.org>');
    expect(html).toContain('href="https://cszg.mca.gov.cn/"');
    expect(html).toContain('rel="nofollow noopener noreferrer"');
    expect(html).toContain('href="mailto:info@example.org"');
  });
});

describe('renderRichText formatting', () => {
  it('renders Markdown structure and demotes headings under the page outline', () => {
    const html = renderRichText('# 标题\n\n## 背景\n\n### 细节\n\n- 一\n- 二\n\n**重要**', { headingBase: 3 });
    expect(html).toContain('<h3>标题</h3>');
    expect(html).toContain('<h3>背景</h3>');
    expect(html).toContain('<h4>细节</h4>');
    expect(html).toContain('<li>一</li>');
    expect(html).toContain('<strong>重要</strong>');
    expect(html).not.toMatch(/<h[12][ >]/);
  });

  it('escapes markup characters in plain text', () => {
    expect(renderRichText('甲 < 乙 & 丙 > 丁')).toBe('<p>甲 &lt; 乙 &amp; 丙 &gt; 丁</p>');
  });

  it('recognises plain text, and sends anything Markdown could read to the full path', () => {
    expect(isPlainText('本期支出 61,558.16 元，共 4 笔。\n\n为保护受助人隐私，本公开不含个人信息。')).toBe(true);
    for (const text of [
      '- 列表',
      '1. 一',
      '> 引用',
      '# 标题',
      'a *b*',
      'see www.example.org',
      'x http://e.org',
      '    code',
      'a<b',
    ]) {
      expect(isPlainText(text), text).toBe(false);
    }
  });

  it('gives plain demo texts the same HTML on the fast path as through marked and sanitize-html', () => {
    const texts = demoSnapshot()
      .disclosures.map((d) => d.body)
      .filter(isPlainText)
      .slice(0, 300);
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) {
      // A trailing space forces nothing; a leading zero-width marker would, so compare via the slow path directly.
      const fast = renderRichText(text);
      const slow = renderRichText(`${text}\n\n[](#)`).replace(/\n?<p><a[^>]*><\/a><\/p>$/, '');
      expect(fast.replace(/\n/g, ''), text).toBe(slow.replace(/\n/g, ''));
    }
  });
});
