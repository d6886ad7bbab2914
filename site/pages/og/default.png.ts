import type { APIRoute } from 'astro';
import { DEFAULT_SHARE_CARD } from '../../lib/share-image/share-cards.ts';
import { shareImageResponse } from '../../lib/share-image/share-image-response.ts';

/** The share image of every page without its own (home, listings, reports, about …). */
export const GET: APIRoute = () => shareImageResponse(DEFAULT_SHARE_CARD);
