import { LOOKUP_TOKEN, myGiftLink } from '../../content/contracts/my-gift-link.ts';

/**
 * The gifts this device remembers (issue 16): the private lookup tokens it has seen — from the
 * donate flow's answer, a private link opened here (`/my/#t=…`) or a lookup by numbers — kept in
 * localStorage only, never sent anywhere but in the body of our own lookup calls. Forgetting a gift
 * removes it here; erasing it on the server is a separate call (my-gifts-api.ts).
 */
export interface RememberedGift {
  token: string;
  outTradeNo: string;
  projectTitle: string;
  amountFen: number;
  /** The order's id when this device made the gift (the result page finds it by id). */
  donationId: string | null;
  savedAt: string;
}

const KEY = 'xianjie:my-gifts';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Private modes may refuse storage: then nothing is remembered, and the page says so.
    return null;
  }
}

function isGift(v: unknown): v is RememberedGift {
  const g = v as RememberedGift;
  return (
    typeof g === 'object' &&
    g !== null &&
    typeof g.token === 'string' &&
    LOOKUP_TOKEN.test(g.token) &&
    typeof g.outTradeNo === 'string' &&
    typeof g.projectTitle === 'string' &&
    Number.isSafeInteger(g.amountFen)
  );
}

export function rememberedGifts(): RememberedGift[] {
  try {
    const list = JSON.parse(storage()?.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter(isGift) : [];
  } catch {
    return [];
  }
}

function save(list: RememberedGift[]): boolean {
  try {
    storage()?.setItem(KEY, JSON.stringify(list));
    return storage() !== null;
  } catch {
    return false;
  }
}

/** Adds or refreshes a gift (one entry per order number: a newer token replaces an older one). */
export function rememberGift(gift: Omit<RememberedGift, 'savedAt'>): boolean {
  const others = rememberedGifts().filter((g) => g.outTradeNo !== gift.outTradeNo);
  const known = rememberedGifts().find((g) => g.outTradeNo === gift.outTradeNo);
  return save([
    { ...gift, donationId: gift.donationId ?? known?.donationId ?? null, savedAt: new Date().toISOString() },
    ...others,
  ]);
}

export function forgetGift(outTradeNo: string): void {
  save(rememberedGifts().filter((g) => g.outTradeNo !== outTradeNo));
}

export function giftByDonationId(donationId: string): RememberedGift | null {
  return rememberedGifts().find((g) => g.donationId === donationId) ?? null;
}

/** The token of a private link (`#t=<token>`), or null. */
export function tokenFromHash(hash: string): string | null {
  const m = /^#t=([A-Za-z0-9_-]{43})$/.exec(hash);
  return m?.[1] ?? null;
}

export { myGiftLink };
