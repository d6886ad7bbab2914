import type { APIRoute } from 'astro';
import { postCloseTeam, withDonations } from '../../../../../donations/index.ts';

/** POST /api/teams/{teamId}/close — the leader closes the team (bearer: the leader's key). */
export const prerender = false;

export const POST: APIRoute = ({ params, request }) =>
  withDonations((ctx, req) => postCloseTeam(ctx, params.teamId ?? '', req), request);
