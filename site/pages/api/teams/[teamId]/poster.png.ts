import type { APIRoute } from 'astro';
import { getTeamPoster, withDonations } from '../../../../../donations/index.ts';
import { renderShareImage } from '../../../../lib/share-image/render-share-image.ts';
import { cachedShareImage, shareCacheDir } from '../../../../lib/share-image/share-image-cache.ts';
import { teamPosterCard } from '../../../../lib/share-image/team-poster.ts';

/**
 * GET /api/teams/{teamId}/poster.png — a team's poster (site/lib/share-image/team-poster.ts), drawn
 * on request because teams are runtime data, and kept in the share-image cache by content: a
 * team's poster is drawn once, not on every request. The portal leaves this path to Astro (like
 * the report form): the donations router has no renderer (donations/http/portal-api.ts).
 */
export const prerender = false;

export const GET: APIRoute = ({ params, request }) =>
  withDonations(
    (ctx) =>
      getTeamPoster(ctx, params.teamId ?? '', async (team, shareUrl) => {
        const png = await cachedShareImage(await teamPosterCard(team, shareUrl), renderShareImage, shareCacheDir());
        return new Uint8Array(png);
      }),
    request,
  );
