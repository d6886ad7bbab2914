import type { APIRoute } from 'astro';
import { getCampaignStats, withDonations } from '../../../../../donations/index.ts';

/** GET /api/campaigns/{slug}/stats — pools (total, remaining), projects (raised + matched), teams. */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) =>
  withDonations((ctx) => getCampaignStats(ctx, params.slug ?? ''), request);
