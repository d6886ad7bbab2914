import { pinyin } from 'pinyin-pro';

/**
 * The slug an entry gets from its Chinese title: toneless pinyin, one syllable per segment, ASCII
 * words and numbers kept (`2026年第二季度项目进展` → `2026-nian-di-er-ji-du-xiang-mu-jin-zhan`),
 * cut at a segment boundary to stay within `max`, so it fits content/'s slug rule
 * (`^[a-z0-9]+(?:-[a-z0-9]+)*$`). Without word segmentation a syllable per segment is the form
 * a reader can still sound out; an editor may shorten it before the first publish.
 */
export function slugFromTitle(title: string, max = 80): string {
  const segments: string[] = [];
  for (const m of title.matchAll(/[\u4e00-\u9fff]+|[A-Za-z0-9]+/g)) {
    const run = m[0];
    if (/^[A-Za-z0-9]+$/.test(run)) segments.push(run.toLowerCase());
    else segments.push(...pinyin(run, { toneType: 'none', type: 'array', v: true }));
  }
  let out = '';
  for (const s of segments.map((x) => x.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean)) {
    const next = out ? `${out}-${s}` : s;
    if (next.length > max) break;
    out = next;
  }
  return out;
}
