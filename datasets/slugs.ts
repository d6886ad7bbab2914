import { pinyin } from 'pinyin-pro';

/** Slugs are lowercase ASCII kebab-case (`content/schemas/common.ts`), at most 120 characters. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 120;

const cache = new Map<string, string>();

/** Pinyin of one part, syllables run together: `岷县` → `minxian`, `2025年` → `2025nian`. */
export function pinyinWord(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let out = '';
  for (const m of text.matchAll(/[\u4e00-\u9fff]+|[A-Za-z0-9]+/g)) {
    const run = m[0];
    if (/^[A-Za-z0-9]+$/.test(run)) out += run.toLowerCase();
    else out += pinyin(run, { toneType: 'none', type: 'array', v: true }).join('');
  }
  out = out.toLowerCase().replace(/[^a-z0-9]/g, '');
  cache.set(text, out);
  return out;
}

/**
 * First letters of each syllable, as Chinese organisations shorten their names for a domain:
 * `江淮长青助学基金会` → `jhcqzxjjh`.
 */
export function pinyinInitials(text: string): string {
  const han = text.match(/[\u4e00-\u9fff]/g)?.join('') ?? '';
  if (han === '') return '';
  return pinyin(han, { toneType: 'none', type: 'array', pattern: 'first', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * A slug from parts, one kebab segment per part (`['岷县', '助老']` → `minxian-zhulao`), cut at a
 * segment boundary so it stays within `max` characters.
 */
export function slugOf(parts: readonly string[], max = 80): string {
  const segments = parts.map(pinyinWord).filter((s) => s.length > 0);
  let out = '';
  for (const s of segments) {
    const next = out ? `${out}-${s}` : s;
    if (next.length > max) {
      if (!out) out = s.slice(0, max);
      break;
    }
    out = next;
  }
  return out || 'x';
}

/** Hands out unique slugs within one collection: a clash gets `-2`, `-3`, … */
export class SlugRegistry {
  private readonly used = new Set<string>();

  claim(base: string): string {
    const clean = base.slice(0, MAX_SLUG - 6).replace(/-+$/, '') || 'x';
    let slug = clean;
    for (let n = 2; this.used.has(slug); n++) slug = `${clean}-${n}`;
    if (!SLUG_PATTERN.test(slug)) throw new Error(`生成的标识不合规：${slug}`);
    this.used.add(slug);
    return slug;
  }

  has(slug: string): boolean {
    return this.used.has(slug);
  }
}
