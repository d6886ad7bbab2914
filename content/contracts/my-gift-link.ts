/**
 * After the gift (issue 16), the zod-free half (the result page and /my/ load it; the request
 * schemas are my-gifts.ts): what the donor's browser and the donations API say about one gift. The private lookup token is 43 base64url characters (32 random bytes), shown
 * once and stored only as a hash; the browser keeps it in localStorage and sends it in a POST
 * body, never in a URL the server logs (the link carries it in the fragment: `/my/#t=<token>`).
 */
export const LOOKUP_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** Our 商户订单号: `XJ` + 14 digits of Beijing time + 16 hex digits. */
export const OUT_TRADE_NO = /^XJ\d{14}[0-9A-F]{16}$/;
/** Alipay's 交易号 as the donor reads it in their bill: digits (28 in practice; 16–64 allowed). */
export const ALIPAY_TRADE_NO = /^\d{16,64}$/;

/** The donor's API paths (content/contracts/api-routes.ts lists them in its table). */
export const MY_GIFT_PATH = '/api/my/gift';
export const MY_LOOKUP_PATH = '/api/my/lookup';
export const MY_ERASE_PATH = '/api/my/erase';
export const MY_VOUCHER_PATH = '/api/my/voucher.pdf';
export const MY_STATEMENT_PATH = '/api/my/statement';
export const VERIFY_GIFT_PATH = '/api/verify/:code';

/** The path of the private link's page and the link itself (the token rides in the fragment). */
export const MY_GIFTS_PAGE = '/my/';
export const myGiftLink = (token: string): string => `${MY_GIFTS_PAGE}#t=${token}`;
export const verifyPagePath = (code: string): string => `/verify/${code}`;

export const RECEIPT_STATES = ['none', 'requested', 'issued', 'declined'] as const;
export type ReceiptState = (typeof RECEIPT_STATES)[number];
export const RECEIPT_STATE_LABELS: Record<ReceiptState, string> = {
  none: '未申请捐赠票据',
  requested: '已申请，等待慈善组织开具',
  issued: '已开具',
  declined: '不予开具',
};

export interface GiftExpenseLine {
  date: string;
  item: string;
  category: string;
  amountFen: number;
}

export interface GiftDisclosure {
  slug: string;
  kind: string;
  title: string;
  publishedOn: string;
  period: { start: string; end: string };
  expenses: GiftExpenseLine[];
  expenseTotalFen: number;
  /** True when published on or after the day of the gift; else the latest one before it, for context. */
  afterGift: boolean;
}

/** One found gift: the donor's own, and only public facts about its project. */
export interface GiftView {
  outTradeNo: string;
  status: 'pending' | 'paid' | 'closed' | 'refunded';
  amountFen: number;
  refundedFen: number;
  /** The day paid, China time; null when not paid. */
  paidOn: string | null;
  project: { slug: string; title: string; path: string; status: string };
  charity: { slug: string; name: string };
  routing: { reason: string } | null;
  /** Disclosures published on or after the day of the gift (newest first), then the latest one before it. */
  disclosures: GiftDisclosure[];
  money: { raisedFen: number; spentFen: number; asOf: string | null };
  /** Raised vs spent as an SVG built by the server (text labels, patterns, no colour needed). */
  chartSvg: string;
  overdue: { kind: string; dueOn: string }[];
  /** Once the project is completed or terminated: the filed plan and the disclosure, if any. */
  remaining: { plan: string; disclosure: { title: string; publishedOn: string } | null } | null;
  receipt: { state: ReceiptState; number: string | null; url: string | null; reason: string | null };
  /** The 凭证's verification link (`/verify/<code>`), for paid gifts. */
  verifyPath: string | null;
}

export interface GiftAnswer {
  gift: GiftView;
}

/** A lookup by numbers answers with a fresh private token for this device, and the gift. */
export interface GiftLookupAnswer extends GiftAnswer {
  token: string;
}

/** What `/verify/<code>` confirms: nothing personal. */
export type GiftVerification =
  | {
      valid: true;
      project: { title: string; path: string };
      charity: string;
      amountFen: number;
      paidOn: string;
      donor: string;
      status: 'paid' | 'refunded' | 'partly-refunded';
    }
  | { valid: false };

/** The page at `/verify/<code>` receives the verifier from the portal in `locals` under this key. */
export const GIFT_VERIFIER_LOCAL = 'xianjieGiftVerifier';
export type GiftVerifier = (code: string) => Promise<GiftVerification>;
