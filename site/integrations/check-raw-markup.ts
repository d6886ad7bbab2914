import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findRawMarkup, type RawMarkup } from '../lib/raw-markup.ts';

/**
 * Fails the build when any page shows raw Markdown (`**…**`, `[…](…)`, `## …`) as text: issue 15
 * found `**规范转介流程。**` on 24 of 25 case pages, shipped because nothing looked at the output.
 * Runs over every HTML file of the build, so the release pipeline (which runs this build) refuses
 * such a release too and the live site stays as it was.
 */

export interface RawMarkupFinding extends RawMarkup {
  /** The page's file, relative to the build's client directory. */
  page: string;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** Every page under `dir` that shows raw Markdown, with what was found, in path order. */
export async function findRawMarkupInDir(dir: string): Promise<{ pages: number; findings: RawMarkupFinding[] }> {
  const files = (await htmlFiles(dir)).sort();
  const findings: RawMarkupFinding[] = [];
  for (const file of files) {
    const found = findRawMarkup(await readFile(file, 'utf8'));
    if (found) findings.push({ page: relative(dir, file), ...found });
  }
  return { pages: files.length, findings };
}

/** The build's error: how many pages, and the first few with what they show. */
export function rawMarkupMessage(findings: readonly RawMarkupFinding[], shown = 10): string {
  const lines = findings.slice(0, shown).map((f) => `  ${f.page}：${f.kind}「${f.excerpt}」`);
  const more = findings.length > shown ? `\n  ……另有 ${findings.length - shown} 个页面` : '';
  return `${findings.length} 个页面显示了未渲染的 Markdown 标记（site/lib/raw-markup.ts）：\n${lines.join('\n')}${more}`;
}

export function checkRawMarkup(): AstroIntegration {
  return {
    name: 'xianjie:check-raw-markup',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, findings } = await findRawMarkupInDir(fileURLToPath(dir));
        if (findings.length > 0) throw new Error(rawMarkupMessage(findings));
        logger.info(`${pages} 个页面无未渲染的 Markdown 标记`);
      },
    },
  };
}
