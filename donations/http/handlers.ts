import type { DonationsContext } from '../context.ts';
import { createDonation, refuseSandboxOnRealContent } from '../create-donation.ts';
import { DonationError } from '../errors.ts';
import { handleAlipayNotify } from '../notify.ts';
import { getDonationStatus, getProjectStats, listProjectDonors } from '../public-queries.ts';
import { exportReceiptRequestsCsv } from '../receipts.ts';
import { refundGift } from '../refund.ts';
import type { CashierClient, FakeAlipayGateway } from '../sandbox/fake-alipay-gateway.ts';
import { buyerFromCookie } from '../sandbox/sandbox-buyer.ts';
import type { ApiAnswer, ApiRequest } from './api-exchange.ts';
import { readLimitedText } from './body.ts';
import { hitClientLimit, requestClientKey } from './client-limit.ts';
import { errorResponse, json, text } from './respond.ts';

/**
 * The donations API as functions from a request to an answer (`api-exchange.ts`: the portal
 * serves them on Node's request, the Astro routes under site/pages/api/ on web ones, with one-line
 * calls; tests over HTTP through `node-server.ts`).
 */
export interface RequestMeta {
  /** The TCP peer address (not Astro's clientAddress, which trusts X-Forwarded-For). */
  socketAddress?: string | null;
}

export async function postDonation(ctx: DonationsContext, request: ApiRequest, meta: RequestMeta): Promise<ApiAnswer> {
  try {
    await hitClientLimit(
      ctx,
      ctx.rateLimiter,
      request,
      meta.socketAddress,
      'create',
      (wait) => `操作过于频繁，请 ${wait} 秒后再试`,
    );
    const body = await readJsonBody(request, ctx.config.bodyLimitBytes);
    return json(201, await createDonation(ctx, body, { userAgent: request.header('user-agent') }));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function getDonation(ctx: DonationsContext, donationId: string): Promise<ApiAnswer> {
  try {
    return json(200, await getDonationStatus(ctx, donationId));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function getStats(ctx: DonationsContext, slug: string): Promise<ApiAnswer> {
  try {
    return json(200, await getProjectStats(ctx, slug));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function getProjectDonations(ctx: DonationsContext, slug: string, url: URL): Promise<ApiAnswer> {
  try {
    return json(200, await listProjectDonors(ctx, slug, url.searchParams));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function getReceiptCsv(ctx: DonationsContext, slug: string, request: ApiRequest): Promise<ApiAnswer> {
  try {
    const csv = await exportReceiptRequestsCsv(ctx, slug, request.header('authorization'));
    return text(200, csv, 'text/csv; charset=utf-8', {
      'content-disposition': `attachment; filename="receipt-requests-${slug}.csv"`,
    });
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

/** JSON body of a POST, size-limited, or a DonationError (415, 413, 400). */
export async function readJsonBody(request: ApiRequest, limit: number): Promise<unknown> {
  const type = request.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new DonationError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求内容应为 JSON（Content-Type: application/json）');
  }
  const raw = await readLimitedText(request, limit);
  try {
    return JSON.parse(raw);
  } catch {
    throw new DonationError(400, 'INVALID_JSON', '请求内容不是有效的 JSON');
  }
}

/**
 * The charity's refund of one of its gifts, behind its own token: 200 when Alipay refunded, 202
 * when its answer is not known yet (reconciliation settles it).
 */
export async function postRefund(ctx: DonationsContext, slug: string, request: ApiRequest): Promise<ApiAnswer> {
  try {
    // The token is checked before the body is read.
    if (!ctx.exportTokens.verify(slug, request.header('authorization'))) {
      throw new DonationError(401, 'UNAUTHORIZED', '需要该慈善组织的令牌');
    }
    const refund = await refundGift(ctx, slug, await readJsonBody(request, ctx.config.bodyLimitBytes));
    return json(refund.status === 'succeeded' ? 200 : 202, { refund });
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

/** Always 200 with `success` or `failure` as plain text: that is all Alipay reads. */
export async function postAlipayNotify(
  ctx: DonationsContext,
  request: ApiRequest,
  meta: RequestMeta,
): Promise<ApiAnswer> {
  const answer = (reply: string) => text(200, reply, 'text/plain; charset=utf-8');
  const key = requestClientKey(ctx, request, meta.socketAddress);
  let raw: string;
  try {
    raw = await readLimitedText(request, ctx.config.notifyBodyLimitBytes);
  } catch (error) {
    const tooLarge = error instanceof DonationError && error.code === 'BODY_TOO_LARGE';
    const declared = Number(request.header('content-length'));
    await ctx.notifyRejections
      .record({
        body: '',
        bytes: Number.isSafeInteger(declared) && declared > 0 ? declared : ctx.config.notifyBodyLimitBytes + 1,
        reason: tooLarge ? 'BODY_TOO_LARGE' : 'UNREADABLE_BODY',
        clientKey: key,
        at: ctx.now(),
      })
      .catch((e: unknown) => ctx.log(`支付通知：无法记录被拒请求：${(e as Error).message}`));
    return answer('failure');
  }
  try {
    return answer((await handleAlipayNotify(ctx, raw, { clientKey: key })).reply);
  } catch (error) {
    ctx.log(`支付通知处理失败（支付宝会重试）：${(error as Error)?.stack ?? String(error)}`);
    return answer('failure');
  }
}

// --- Sandbox (the fake Alipay); 404 when real merchants are configured. -------------------------

function html(answer: { status: number; contentType: string; body: string; setCookie?: string }): ApiAnswer {
  return {
    status: answer.status,
    headers: {
      'content-type': answer.contentType,
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
      'x-frame-options': 'DENY',
      ...(answer.setCookie ? { 'set-cookie': answer.setCookie } : {}),
    },
    body: answer.body,
  };
}

/** The browser's sandbox account, from its cookie (the cashier's default payer, sandbox-buyer.ts). */
function cashierClient(request: ApiRequest): CashierClient {
  return { buyer: buyerFromCookie(request.header('cookie')) };
}

function noSandbox(): ApiAnswer {
  return json(404, { error: { code: 'NOT_FOUND', message: '已配置真实商户，沙箱支付不可用' } });
}

/**
 * The fake Alipay, when it may run: not with real merchants (there is none), and not when the live
 * content is real (`refuseSandboxOnRealContent`) — then every sandbox route answers as refused.
 */
async function liveSandbox(ctx: DonationsContext): Promise<{ sandbox: FakeAlipayGateway } | { refused: ApiAnswer }> {
  if (!ctx.sandbox) return { refused: noSandbox() };
  const view = await ctx.snapshots.current().catch(() => null);
  try {
    if (view) refuseSandboxOnRealContent(ctx, view);
  } catch (error) {
    return { refused: errorResponse(error, ctx.log) };
  }
  return { sandbox: ctx.sandbox };
}

async function formParams(request: ApiRequest, limit: number): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  for (const [k, v] of new URL(request.url).searchParams) params[k] = v;
  if (request.method === 'POST') {
    for (const [k, v] of new URLSearchParams(await readLimitedText(request, limit))) params[k] = v;
  }
  return params;
}

export async function sandboxGateway(ctx: DonationsContext, request: ApiRequest): Promise<ApiAnswer> {
  const live = await liveSandbox(ctx);
  if ('refused' in live) return live.refused;
  const { sandbox } = live;
  try {
    return html(sandbox.gateway(await formParams(request, ctx.config.notifyBodyLimitBytes), cashierClient(request)));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}

export async function sandboxCheckout(ctx: DonationsContext, request: ApiRequest): Promise<ApiAnswer> {
  const live = await liveSandbox(ctx);
  if ('refused' in live) return live.refused;
  const { sandbox } = live;
  const url = new URL(request.url);
  return html(
    sandbox.checkout(
      url.searchParams.get('app_id') ?? '',
      url.searchParams.get('out_trade_no') ?? '',
      cashierClient(request),
    ),
  );
}

export async function sandboxPay(ctx: DonationsContext, request: ApiRequest): Promise<ApiAnswer> {
  const live = await liveSandbox(ctx);
  if ('refused' in live) return live.refused;
  const { sandbox } = live;
  try {
    return html(await sandbox.submit(await formParams(request, ctx.config.bodyLimitBytes), cashierClient(request)));
  } catch (error) {
    return errorResponse(error, ctx.log);
  }
}
