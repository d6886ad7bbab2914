import {
  type GiftView,
  MY_ERASE_PATH,
  MY_GIFT_PATH,
  MY_LOOKUP_PATH,
  MY_STATEMENT_PATH,
  MY_VOUCHER_PATH,
} from '../../content/contracts/my-gift-link.ts';
import { type ApiResult, callApi, isFen, isObject, isText } from './api-client.ts';

/**
 * /my/'s calls (donations/after-gift/): every token travels in a POST body. Answers are checked
 * by hand like the rest of the browser's API client (no zod on this page).
 */
export function asGiftView(v: unknown): GiftView | null {
  if (!isObject(v) || !isText(v.outTradeNo) || !isFen(v.amountFen) || !isFen(v.refundedFen)) return null;
  if (!isObject(v.project) || !isText(v.project.title) || !isText(v.project.path)) return null;
  if (!isObject(v.charity) || !isText(v.charity.name) || !Array.isArray(v.disclosures)) return null;
  if (!isObject(v.money) || !isText(v.chartSvg) || !isObject(v.receipt) || !Array.isArray(v.overdue)) return null;
  if (!v.chartSvg.startsWith('<svg ')) return null;
  return v as unknown as GiftView;
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
  cache: 'no-store',
});

export function fetchGift(token: string): Promise<ApiResult<GiftView>> {
  return callApi((b) => (isObject(b) ? asGiftView(b.gift) : null), MY_GIFT_PATH, post({ token }));
}

export type LookupNumbers = { tradeNo: string; amountFen: number } | { outTradeNo: string; amountFen: number };

export function lookupGift(numbers: LookupNumbers): Promise<ApiResult<{ token: string; gift: GiftView }>> {
  return callApi(
    (b) => {
      if (!isObject(b) || !isText(b.token)) return null;
      const gift = asGiftView(b.gift);
      return gift ? { token: b.token, gift } : null;
    },
    MY_LOOKUP_PATH,
    post(numbers),
  );
}

export function eraseGift(token: string): Promise<ApiResult<true>> {
  return callApi((b) => (isObject(b) && b.erased === true ? true : null), MY_ERASE_PATH, post({ token }));
}

/** A file from a POST (the 凭证 PDF, the year statement), saved through a temporary link. */
export async function downloadFile(
  kind: 'voucher' | 'statement',
  body: unknown,
  filename: string,
): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(kind === 'voucher' ? MY_VOUCHER_PATH : MY_STATEMENT_PATH, post(body));
  } catch {
    return '网络连接失败，请稍后再试';
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return error?.error?.message ?? `下载失败（${response.status}）`;
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return null;
}
