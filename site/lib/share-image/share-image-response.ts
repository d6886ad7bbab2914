import { renderShareImage } from './render-share-image.ts';
import type { ShareCard } from './share-card.ts';
import { cachedShareImage, shareCacheDir } from './share-image-cache.ts';

/** The static route's answer: the card's PNG, from the cache when its content was drawn before. */
export async function shareImageResponse(card: ShareCard): Promise<Response> {
  const png = await cachedShareImage(card, renderShareImage, shareCacheDir());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
