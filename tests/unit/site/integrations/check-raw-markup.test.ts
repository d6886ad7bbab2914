import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRawMarkupInDir, rawMarkupMessage } from '../../../../site/integrations/check-raw-markup.ts';
import { tempDirs } from '../../../support/temp-dirs.ts';

const temp = tempDirs();

async function page(dir: string, path: string, html: string): Promise<void> {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), html);
}

describe('the build-time raw Markdown check', () => {
  it('finds every page that shows raw Markdown, and only HTML pages', async () => {
    const dir = temp('xianjie-raw-markup-');
    await page(dir, 'index.html', '<main><p><strong>已渲染</strong></p></main>');
    await page(dir, 'cases/a/index.html', '<main><p>**规范转介流程。**民政部门</p></main>');
    await page(dir, 'cases/b/index.html', '<main><p>详见[说明](/about/)</p></main>');
    await page(dir, 'data/x.csv', '**不是页面**');
    const { pages, findings } = await findRawMarkupInDir(dir);
    expect(pages).toBe(3);
    expect(findings.map((f) => [f.page, f.kind])).toEqual([
      ['cases/a/index.html', '粗体标记'],
      ['cases/b/index.html', '链接语法'],
    ]);
  });

  it('says how many pages and shows the first few with what they show', () => {
    const findings = Array.from({ length: 12 }, (_, i) => ({
      page: `p${i}/index.html`,
      kind: '粗体标记',
      excerpt: '**x。**y',
    }));
    const message = rawMarkupMessage(findings, 10);
    expect(message).toMatch(/^12 个页面显示了未渲染的 Markdown 标记/);
    expect(message).toContain('p9/index.html：粗体标记「**x。**y」');
    expect(message).not.toContain('p10/index.html');
    expect(message).toContain('另有 2 个页面');
  });
});
