import type { APIRoute } from 'astro';
import { getTeamAnswer, withDonations } from '../../../../donations/index.ts';

/** GET /api/teams/{teamId} — a team with its live totals and named supporters. */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) =>
  withDonations((ctx) => getTeamAnswer(ctx, params.teamId ?? ''), request);
