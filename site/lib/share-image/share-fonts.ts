import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SHARE_FONT_FAMILY } from './share-card.ts';

/**
 * The fonts the share images are drawn with: Noto Sans SC (思源黑体) Regular and Bold as OpenType
 * (CFF) files from the `@embedpdf/fonts-sc` npm package (OFL-1.1), so a fresh machine has them
 * after `npm ci`. satori reads TTF, OTF and WOFF only: the system's fonts-noto-cjk ships .ttc
 * collections and the web-font packages ship WOFF2 or hundreds of unicode-range slices.
 * Each file is ~8 MB and covers GB 18030's common characters; satori turns the glyphs it uses
 * into paths, so nothing of the font reaches the image or the release.
 */
const require = createRequire(import.meta.url);

export const SHARE_FONT_FILES = {
  400: 'NotoSansHans-Regular.otf',
  700: 'NotoSansHans-Bold.otf',
} as const;

/** The package exports only its script, so the fonts are found beside it (`dist/` → `fonts/`). */
export function shareFontPath(weight: keyof typeof SHARE_FONT_FILES): string {
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', SHARE_FONT_FILES[weight]);
}

export interface ShareFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

let loading: Promise<ShareFont[]> | undefined;

/** Read once per build (both files in ~0.1 s); every image reuses them. */
export function shareFonts(): Promise<ShareFont[]> {
  loading ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: SHARE_FONT_FAMILY,
      data: await readFile(shareFontPath(weight)),
      weight,
      style: 'normal' as const,
    })),
  );
  return loading;
}
