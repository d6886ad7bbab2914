import type { DonationsContext } from '../context.ts';
import type { ApiAnswer, ApiRequest } from '../http/api-exchange.ts';
import { readLimitedText } from '../http/body.ts';
import { readJsonBody } from '../http/handlers.ts';
import { errorResponse, json } from '../http/respond.ts';
import { changePlan, viewPlan } from './manage.ts';
import { monthlyOpenData } from './open-data.ts';

/**
 * `GET/POST /api/monthly/{token}`: the management page's API. The token is the private link's
 * secret; answers are never cached (`no-store`) and never indexed.
 */
const PRIVATE = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' };

function privateJson(status: number, body: unknown): ApiAnswer {
  const answer = json(status, body);
  return { ...answer, headers: { ...answer.headers, ...PRIVATE } };
}

export async function getMonthlyPlan(ctx: DonationsContext, token: string): Promise<ApiAnswer> {
  try {
    return privateJson(200, await viewPlan(ctx, token));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function postMonthlyPlan(ctx: DonationsContext, token: string, request: ApiRequest): Promise<ApiAnswer> {
  try {
    return privateJson(200, await changePlan(ctx, token, await readJsonBody(request, ctx.config.bodyLimitBytes)));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

/** The sandbox signing page's 开通/取消 (the fake Alipay); 404 with real merchants. */
export async function sandboxSign(ctx: DonationsContext, request: ApiRequest): Promise<ApiAnswer> {
  const desk = ctx.sandbox?.agreements;
  if (!desk) return json(404, { error: { code: 'NOT_FOUND', message: '已配置真实商户，沙箱签约不可用' } });
  try {
    const form = Object.fromEntries(new URLSearchParams(await readLimitedText(request, ctx.config.bodyLimitBytes)));
    const page = await desk.submit(form);
    return {
      status: page.status,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-robots-tag': 'noindex',
        'x-frame-options': 'DENY',
      },
      body: page.body,
    };
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

/** `GET /api/open-data/monthly.json`: monthly giving in aggregate (open-data.ts), never a donor. */
export async function getMonthlyOpenData(ctx: DonationsContext): Promise<ApiAnswer> {
  try {
    return json(200, await monthlyOpenData(ctx));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}
