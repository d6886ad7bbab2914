import { describe, expect, it } from 'vitest';
import { renderShareImage } from '../../../../../site/lib/share-image/render-share-image.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('rendering a share card', () => {
  it('makes a 1200×630 PNG with Chinese text drawn (not blank, not tofu)', async () => {
    const card = { kind: '慈善项目', title: '困境儿童助学服务项目', figures: [{ label: '项目状态', value: '募捐中' }] };
    const png = await renderShareImage(card);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    // A card whose title differs draws different pixels: the glyphs come from the font, not boxes.
    const other = await renderShareImage({ ...card, title: '失能老人照护服务项目' });
    expect(other.equals(png)).toBe(false);
    expect(png.length).toBeGreaterThan(10_000);
  }, 30_000);
});
