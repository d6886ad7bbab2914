import type { ZodError } from 'zod';
import {
  firstIssue,
  type GiftView,
  giftLookupRequestSchema,
  giftTokenRequestSchema,
  statementRequestSchema,
} from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import type { ApiAnswer, ApiRequest } from '../http/api-exchange.ts';
import { readLimitedText } from '../http/body.ts';
import { hitClientLimit } from '../http/client-limit.ts';
import { type RequestMeta, readJsonBody } from '../http/handlers.ts';
import { errorResponse, json, text } from '../http/respond.ts';
import { eraseLookupData, giftNotFound, issueLookupToken, orderByNumbers, orderByToken } from './find-gift.ts';
import { statementPdf, voucherPdf } from './gift-pdf.ts';
import { giftView } from './gift-view.ts';
import { importReceiptStatuses, receiptUpdatesSchema, updatesFromCsv } from './receipt-import.ts';
import { afterGiftState } from './state.ts';
import { giftsOfYear, statementCsv } from './statement.ts';
import { verifyVoucherCode } from './voucher-code.ts';

/**
 * The donor's side after the gift, over HTTP (issue 16 items 1–4). Every call that carries a
 * private token is a POST with the token in a JSON body (never in a URL a log keeps); every call
 * is limited per client, the lookup by numbers also per number (find-gift.ts).
 */
async function jsonBody<T>(
  ctx: DonationsContext,
  request: ApiRequest,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } },
): Promise<T> {
  const parsed = schema.safeParse(await readJsonBody(request, ctx.config.bodyLimitBytes));
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new DonationError(400, 'INVALID_BODY', issue.message, issue.field);
  }
  return parsed.data;
}

const limit = (ctx: DonationsContext, request: ApiRequest, meta: RequestMeta) =>
  hitClientLimit(
    ctx,
    afterGiftState(ctx).clientLimiter,
    request,
    meta.socketAddress,
    'lookup',
    (wait) => `查询过于频繁，请 ${wait} 秒后再试`,
  );

/** The gift behind a token; a token that finds nothing gets the lookup's one neutral answer. */
async function giftOfToken(ctx: DonationsContext, token: string): Promise<{ orderId: string; gift: GiftView }> {
  const order = await orderByToken(ctx, token);
  if (!order) throw giftNotFound();
  return { orderId: order.id, gift: await giftView(ctx, order) };
}

export async function postMyGift(ctx: DonationsContext, request: ApiRequest, meta: RequestMeta): Promise<ApiAnswer> {
  try {
    const { token } = await jsonBody(ctx, request, giftTokenRequestSchema);
    await limit(ctx, request, meta);
    return json(200, { gift: (await giftOfToken(ctx, token)).gift });
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function postMyLookup(ctx: DonationsContext, request: ApiRequest, meta: RequestMeta): Promise<ApiAnswer> {
  try {
    await limit(ctx, request, meta);
    const lookup = await jsonBody(ctx, request, giftLookupRequestSchema);
    const order = await orderByNumbers(ctx, lookup);
    const token = await issueLookupToken(ctx, order.id, 'lookup');
    return json(200, { token, gift: await giftView(ctx, order) });
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function postMyErase(ctx: DonationsContext, request: ApiRequest, meta: RequestMeta): Promise<ApiAnswer> {
  try {
    const { token } = await jsonBody(ctx, request, giftTokenRequestSchema);
    await limit(ctx, request, meta);
    const order = await orderByToken(ctx, token);
    if (!order) throw giftNotFound();
    await eraseLookupData(ctx, order.id);
    return json(200, { erased: true });
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

const pdf = (body: Buffer, filename: string): ApiAnswer => ({
  ...text(200, '', 'application/pdf', { 'content-disposition': `attachment; filename="${filename}"` }),
  body,
});

export async function postMyVoucher(ctx: DonationsContext, request: ApiRequest, meta: RequestMeta): Promise<ApiAnswer> {
  try {
    const { token } = await jsonBody(ctx, request, giftTokenRequestSchema);
    await limit(ctx, request, meta);
    const { gift } = await giftOfToken(ctx, token);
    if (!gift.verifyPath) throw new DonationError(409, 'DONATION_NOT_FOUND', '这笔捐赠尚未支付，没有捐赠凭证');
    return pdf(
      await voucherPdf(gift, `${ctx.config.siteUrl}${gift.verifyPath}`),
      `juanzeng-pingzheng-${gift.outTradeNo}.pdf`,
    );
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function postMyStatement(
  ctx: DonationsContext,
  request: ApiRequest,
  meta: RequestMeta,
): Promise<ApiAnswer> {
  try {
    const { tokens, year, format } = await jsonBody(ctx, request, statementRequestSchema);
    await limit(ctx, request, meta);
    const found: GiftView[] = [];
    const seen = new Set<string>();
    for (const token of new Set(tokens)) {
      const order = await orderByToken(ctx, token);
      // Tokens of erased gifts are skipped silently: the statement lists what this device can still see.
      if (!order || seen.has(order.id)) continue;
      seen.add(order.id);
      found.push(await giftView(ctx, order));
    }
    const gifts = giftsOfYear(found, year);
    if (format === 'csv') {
      return text(200, statementCsv(gifts), 'text/csv; charset=utf-8', {
        'content-disposition': `attachment; filename="juanzeng-${year}.csv"`,
      });
    }
    return pdf(await statementPdf(gifts, year), `juanzeng-${year}.pdf`);
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function getVerifyGift(ctx: DonationsContext, code: string): Promise<ApiAnswer> {
  try {
    return json(200, await verifyVoucherCode(ctx, code));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

/** The charity's bulk status update: its exported CSV (text/csv) or JSON `{updates:[…]}`, behind its token. */
export async function postReceiptStatuses(
  ctx: DonationsContext,
  slug: string,
  request: ApiRequest,
): Promise<ApiAnswer> {
  try {
    if (!ctx.exportTokens.verify(slug, request.header('authorization'))) {
      throw new DonationError(401, 'UNAUTHORIZED', '需要该慈善组织的令牌');
    }
    const type = request.header('content-type') ?? '';
    // A charity's export grows with its gifts: a larger limit than one donation's body.
    const raw = await readLimitedText(request, 4 * 1024 * 1024);
    let rows: { line: number | string; update: unknown }[];
    if (/^text\/csv\s*(;|$)/i.test(type)) rows = updatesFromCsv(raw);
    else if (/^application\/json\s*(;|$)/i.test(type)) {
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        throw new DonationError(400, 'INVALID_JSON', '请求内容不是有效的 JSON');
      }
      const parsed = receiptUpdatesSchema.safeParse(body);
      if (!parsed.success) throw new DonationError(400, 'INVALID_BODY', '请求体应为 {"updates": [...]}（1–10000 条）');
      rows = parsed.data.updates.map((update, i) => ({ line: `updates[${i}]`, update }));
    } else {
      throw new DonationError(415, 'UNSUPPORTED_MEDIA_TYPE', '请上传 CSV（text/csv）或 JSON（application/json）');
    }
    return json(200, await importReceiptStatuses(ctx, slug, rows));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}
