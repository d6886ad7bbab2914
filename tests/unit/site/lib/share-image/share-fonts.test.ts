import { describe, expect, it } from 'vitest';
import { SHARE_FONT_FAMILY } from '../../../../../site/lib/share-image/share-card.ts';
import { shareFonts } from '../../../../../site/lib/share-image/share-fonts.ts';

describe('the share image fonts', () => {
  it('are an OpenType regular and bold from an npm package, read once', async () => {
    const fonts = await shareFonts();
    expect(fonts.map((f) => [f.name, f.weight])).toEqual([
      [SHARE_FONT_FAMILY, 400],
      [SHARE_FONT_FAMILY, 700],
    ]);
    // 'OTTO': OpenType with CFF outlines — a format satori reads (it cannot read .ttc or WOFF2).
    for (const font of fonts) expect(font.data.subarray(0, 4).toString('ascii')).toBe('OTTO');
    expect(await shareFonts()).toBe(fonts);
  });
});
