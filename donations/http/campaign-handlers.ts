import type { DonationsContext } from '../context.ts';
import { campaignStats, matchingOpenData } from '../matching/campaign-stats.ts';
import { matchingNow } from '../matching/matching-now.ts';
import { settlementCsv } from '../matching/settlement-csv.ts';
import { payQrImage } from '../pay-qr-image.ts';
import { moderateTeam } from '../teams/moderation.ts';
import { closeTeam, createTeam, getTeam, hideTeam, type PublicTeam } from '../teams/store.ts';
import type { ApiAnswer, ApiRequest } from './api-exchange.ts';
import { hitClientLimit } from './client-limit.ts';
import { type RequestMeta, readJsonBody } from './handlers.ts';
import { errorResponse, json, text } from './respond.ts';

/**
 * Campaign days (issue 18): a campaign's live figures, a pool's settlement statement, the open
 * data of matching, and 一起捐 teams — each a request → answer function like handlers.ts.
 */
async function answer(ctx: DonationsContext, work: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
  try {
    return await work();
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

/** Team texts may be long only to be refused for it plainly (400 TEXT_TOO_LONG, not 413). */
const TEAM_BODY_LIMIT = 32 * 1024;

export const getCampaignStats = (ctx: DonationsContext, slug: string) =>
  answer(ctx, async () => json(200, await campaignStats(ctx, slug)));

export const getMatchingOpenData = (ctx: DonationsContext) =>
  answer(ctx, async () => json(200, await matchingOpenData(ctx)));

export const getPoolSettlement = (ctx: DonationsContext, slug: string, request: ApiRequest, url: URL) =>
  answer(ctx, async () =>
    text(200, await settlementCsv(ctx, slug, url, request.header('authorization')), 'text/csv; charset=utf-8', {
      'content-disposition': `attachment; filename="matching-settlement-${slug}.csv"`,
    }),
  );

export const postTeam = (ctx: DonationsContext, request: ApiRequest, meta: RequestMeta) =>
  answer(ctx, async () => {
    await hitClientLimit(
      ctx,
      ctx.rateLimiter,
      request,
      meta.socketAddress,
      'team',
      (w) => `操作过于频繁，请 ${w} 秒后再试`,
    );
    return json(201, await createTeam(ctx, await readJsonBody(request, TEAM_BODY_LIMIT)));
  });

/** The team, its share link as a QR image (to save and send in WeChat), and its project's 配捐 now. */
export const getTeamAnswer = (ctx: DonationsContext, id: string) =>
  answer(ctx, async () => {
    const team = await getTeam(ctx, id);
    const shareUrl = teamShareUrl(ctx, team.id);
    return json(200, {
      team,
      shareUrl,
      shareQr: await payQrImage(shareUrl),
      matching: await matchingNow(ctx, team.project.slug),
    });
  });

export const postCloseTeam = (ctx: DonationsContext, id: string, request: ApiRequest) =>
  answer(ctx, async () => json(200, { team: await closeTeam(ctx, id, request.header('authorization')) }));

export const postHideTeam = (ctx: DonationsContext, charity: string, id: string, request: ApiRequest) =>
  answer(ctx, async () => {
    const authorization = request.header('authorization');
    const body = await readJsonBody(request, ctx.config.bodyLimitBytes).catch(() => ({}));
    return json(200, await hideTeam(ctx, charity, id, authorization, body));
  });

/**
 * 团队处理 from the CMS (teams/moderation.ts): the publisher's route checks the webhook secret and
 * hands over the parsed JSON body; no `ApiRequest`, since it is not a route of the public table.
 */
export const postTeamModeration = (ctx: DonationsContext, body: unknown) =>
  answer(ctx, async () => json(200, await moderateTeam(ctx, body)));

/** The link a team is shared by (its page, which reads `?id=`). */
const teamShareUrl = (ctx: DonationsContext, id: string) => `${ctx.config.siteUrl}/teams/?id=${id}`;

/**
 * A team's poster (PNG), drawn by the caller — the site owns the share-image renderer — from the
 * team's public fields and share link. A hidden or unknown team is the same 404 as its page's API.
 * Cached for a while by browsers and WeChat: the poster shows no live figure that could go stale.
 */
export const getTeamPoster = (
  ctx: DonationsContext,
  id: string,
  draw: (team: PublicTeam, shareUrl: string) => Promise<Uint8Array>,
) =>
  answer(ctx, async () => {
    const team = await getTeam(ctx, id);
    const png = await draw(team, teamShareUrl(ctx, team.id));
    return {
      status: 200,
      headers: {
        'content-type': 'image/png',
        'cache-control': 'public, max-age=600',
        'x-content-type-options': 'nosniff',
      },
      body: png,
    };
  });
