import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { SHARE_IMAGE_SIZE, type ShareCard, shareCardTree } from './share-card.ts';
import { shareFonts } from './share-fonts.ts';

/**
 * A share card as a 1200×630 PNG: satori lays the card out and writes an SVG with every glyph
 * as a path (so the PNG needs no font), resvg rasterises it. ~10 ms for satori and ~50–150 ms for
 * resvg on our 2-core machines, which is why share-image-cache.ts keeps what it made.
 */
export async function renderShareImage(card: ShareCard): Promise<Buffer> {
  const svg = await satori(shareCardTree(card), { ...SHARE_IMAGE_SIZE, fonts: await shareFonts() });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}
