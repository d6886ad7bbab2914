import type { ReportFormValues, ReportPageAnswer } from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import type { ApiAnswer, ApiRequest } from '../http/api-exchange.ts';
import { readLimitedText } from '../http/body.ts';
import { hitClientLimit } from '../http/client-limit.ts';
import type { RequestMeta } from '../http/handlers.ts';
import { errorResponse, json } from '../http/respond.ts';
import { acceptReport, targetOfForm } from './accept-report.ts';

/**
 * `POST /api/reports` over HTTP. Two callers, one path:
 * - the report form on fundraising pages, a plain HTML form (`application/x-www-form-urlencoded`,
 *   no JavaScript needed): the outcome is a page answer, rendered by the site
 *   (site/pages/reports/answer.astro) as the confirmation with the reference number, or as the
 *   form again — with what was typed — and the error in Chinese;
 * - programs sending JSON: JSON answers, errors `{error:{code, message, field?}}`.
 */
export type ReportOutcome =
  | { kind: 'json'; response: ApiAnswer }
  /** `demo`: the live content is generated (the page shows the 示例数据 notice, like every page). */
  | { kind: 'page'; answer: ReportPageAnswer; demo: boolean };

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const JSON_TYPE = /^application\/json\s*(;|$)/i;
const FORM_FIELDS = ['targetKind', 'targetSlug', 'kind', 'text', 'contact'] as const;

/**
 * Astro's origin check is off for the whole site (Alipay's notify is a cross-site POST), so this
 * route checks its own: a browser names the page's origin, and a report must come from our pages
 * (no other site can file reports in its visitors' names and use up their limit).
 */
function checkOrigin(ctx: DonationsContext, request: ApiRequest): void {
  const origin = request.header('origin');
  const allowed = new Set([new URL(ctx.config.siteUrl).origin, new URL(request.url).origin]);
  if ((origin && origin !== 'null' && !allowed.has(origin)) || request.header('sec-fetch-site') === 'cross-site') {
    throw new DonationError(403, 'FORBIDDEN_ORIGIN', '请在本站的项目、需求或活动页面上提交举报');
  }
}

/** The form's fields; a field sent twice is refused (which of the two would count?). */
function parseForm(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (key in out) throw new DonationError(400, 'INVALID_BODY', `表单字段 ${key} 重复`, key);
    out[key] = value;
  }
  return out;
}

function formValues(fields: Record<string, string>): ReportFormValues {
  const pick = (key: (typeof FORM_FIELDS)[number]) => fields[key] ?? '';
  return {
    targetKind: pick('targetKind'),
    targetSlug: pick('targetSlug'),
    kind: pick('kind'),
    text: pick('text'),
    contact: pick('contact'),
  };
}

async function isDemo(ctx: DonationsContext): Promise<boolean> {
  return (await ctx.snapshots.current().catch(() => null))?.snapshot.demo ?? false;
}

export async function receiveReport(
  ctx: DonationsContext,
  request: ApiRequest,
  meta: RequestMeta,
): Promise<ReportOutcome> {
  const form = FORM.test(request.header('content-type') ?? '');
  let values: ReportFormValues = formValues({});
  try {
    checkOrigin(ctx, request);
    if (!form && !JSON_TYPE.test(request.header('content-type') ?? '')) {
      throw new DonationError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        '请求内容应为 JSON 或表单（application/x-www-form-urlencoded）',
      );
    }
    // Read (bounded) before the limit is applied: a refused form is shown again with its text.
    const raw = await readLimitedText(request, ctx.config.reports.bodyLimitBytes);
    let body: unknown;
    if (form) {
      const fields = parseForm(raw);
      values = formValues(fields);
      body = fields;
    }
    const client = await hitClientLimit(
      ctx,
      ctx.reportRateLimiter,
      request,
      meta.socketAddress,
      'report',
      (wait) => `提交过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试`,
    );
    if (!form) {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new DonationError(400, 'INVALID_JSON', '请求内容不是有效的 JSON');
      }
    }
    const receipt = await acceptReport(ctx, body, client);
    const status = receipt.duplicate ? 200 : 201;
    if (!form) return { kind: 'json', response: json(status, receipt) };
    return { kind: 'page', answer: { ok: true, status, receipt }, demo: await isDemo(ctx) };
  } catch (error) {
    if (!form) return { kind: 'json', response: errorResponse(error, ctx.log) };
    const refused = error instanceof DonationError ? error : null;
    if (!refused) ctx.log(`举报接口内部错误：${(error as Error)?.stack ?? String(error)}`);
    const target = await targetOfForm(ctx, values).catch(() => null);
    return {
      kind: 'page',
      demo: await isDemo(ctx),
      answer: {
        ok: false,
        status: refused?.status ?? 500,
        error: refused
          ? { code: refused.code, message: refused.message, ...(refused.field ? { field: refused.field } : {}) }
          : { code: 'INTERNAL', message: '服务器内部错误，举报没有保存，请稍后再试' },
        ...(refused?.retryAfter !== undefined ? { retryAfterSeconds: refused.retryAfter } : {}),
        values,
        target,
      },
    };
  }
}

/** For the plain Node server (tests, benchmarks): a page answer is sent as JSON with its status. */
export async function postReport(ctx: DonationsContext, request: ApiRequest, meta: RequestMeta): Promise<ApiAnswer> {
  const outcome = await receiveReport(ctx, request, meta);
  if (outcome.kind === 'json') return outcome.response;
  const headers: Record<string, string> = {};
  if (!outcome.answer.ok && outcome.answer.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(outcome.answer.retryAfterSeconds);
  }
  return json(outcome.answer.status, outcome.answer, headers);
}
