import type { APIRoute } from 'astro';
import { postHideTeam, withDonations } from '../../../../../../../donations/index.ts';

/** POST /api/charities/{slug}/teams/{teamId}/hide — the charity hides a team (its bearer token). */
export const prerender = false;

export const POST: APIRoute = ({ params, request }) =>
  withDonations((ctx, req) => postHideTeam(ctx, params.slug ?? '', params.teamId ?? '', req), request);
