import type { AmountBounds } from '../../content/contracts/amount-bounds.ts';
import { type DonationRequest, donationRequestSchema, firstIssue } from '../../content/contracts/donation-request.ts';
import { boundsProblem, parseYuan } from './yuan-to-fen.ts';

/**
 * The donate form's values → the body of `POST /api/donations`, checked with the very zod schema
 * the API parses it with (content/contracts/donation-request.ts: zod and content/ rules only), so
 * the browser and the server refuse the same things with the same Chinese sentences. The server
 * checks again; this only spares the donor a round trip.
 */

/** The form's named controls, as strings from FormData. */
export interface DonationFormValues {
  /** A preset in fen ("5000"), "other", or "" when nothing is chosen. */
  amount: string;
  customYuan: string;
  anonymous: 'yes' | 'no';
  displayName: string;
  receipt: 'none' | 'wanted';
  receiptName: string;
  receiptTaxId: string;
  receiptEmail: string;
  channel: string;
  /** Cause-donations only: the chosen 帮扶对象 ("" = any). */
  targetGroup: string;
  /**
   * 单次 (absent) or 每月 (issue 17): monthly signs an Alipay agreement instead of paying once. The
   * monthly answers are optional so the form's up-front defaults (donate-options.ts) do not grow.
   */
  frequency?: 'once' | 'monthly';
  /** Monthly only: the day of month, "1"–"28". */
  dayOfMonth?: string;
  onProjectEnd?: 'continue' | 'stop';
}

export type FormField = keyof DonationFormValues | 'form';

export type DonationTarget =
  | { kind: 'project'; slug: string }
  /** `campaign`: the campaign page the gift is made on (the API refuses it once the campaign ended). */
  | { kind: 'pool'; region?: string; campaign?: string };

/**
 * A refusal carries the code the API would answer the same body with (INVALID_BODY,
 * AMOUNT_OUT_OF_RANGE, PERSONAL_INFO_IN_TEXT), so the form shows one error shape either way.
 */
export type BuildResult =
  | { ok: true; body: DonationRequest }
  | { ok: false; field: FormField; message: string; code: string };

type Refusal = Extract<BuildResult, { ok: false }>;
const refuse = (field: FormField, message: string, code = 'INVALID_BODY'): Refusal => ({
  ok: false,
  field,
  message,
  code,
});

const FIELD_OF_API: Record<string, FormField> = {
  amountFen: 'amount',
  anonymous: 'anonymous',
  displayName: 'displayName',
  channel: 'channel',
  receipt: 'receipt',
  'receipt.requested': 'receipt',
  'receipt.name': 'receiptName',
  'receipt.taxId': 'receiptTaxId',
  'receipt.email': 'receiptEmail',
  'pool.targetGroup': 'targetGroup',
  'monthly.dayOfMonth': 'dayOfMonth',
  'monthly.onProjectEnd': 'onProjectEnd',
};

/**
 * Which control an API error's `field` belongs to. An amount error points at the custom amount
 * when that is what the donor typed; anything the donor cannot change (the project, the region
 * baked into the page) is a form-level error.
 */
export function formFieldOf(apiField: string | undefined, values: Pick<DonationFormValues, 'amount'>): FormField {
  const field = apiField ? (FIELD_OF_API[apiField] ?? 'form') : 'form';
  if (field === 'amount' && values.amount === 'other') return 'customYuan';
  return field;
}

function amountFen(values: DonationFormValues, bounds: AmountBounds): BuildResult | number {
  if (values.amount === '') return refuse('amount', '请选择或填写捐赠金额');
  let fen: number;
  if (values.amount === 'other') {
    const parsed = parseYuan(values.customYuan);
    if (!parsed.ok) return refuse('customYuan', parsed.message);
    fen = parsed.fen;
  } else {
    fen = Number(values.amount);
    if (!Number.isSafeInteger(fen)) return refuse('amount', '请选择或填写捐赠金额');
  }
  const problem = boundsProblem(fen, bounds);
  if (problem) return refuse(values.amount === 'other' ? 'customYuan' : 'amount', problem, 'AMOUNT_OUT_OF_RANGE');
  return fen;
}

const trimmed = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

export function buildDonationRequest(
  values: DonationFormValues,
  target: DonationTarget,
  bounds: AmountBounds,
): BuildResult {
  const fen = amountFen(values, bounds);
  if (typeof fen !== 'number') return fen;
  const named = values.anonymous === 'no';
  if (named && trimmed(values.displayName) === undefined) {
    return refuse('displayName', '请填写展示名，或选择匿名捐赠');
  }
  const monthly = values.frequency === 'monthly';
  if (monthly && !/^([1-9]|1\d|2[0-8])$/.test(values.dayOfMonth ?? ''))
    return refuse('dayOfMonth', '请选择每月扣款日（1–28 日）');
  const body: Record<string, unknown> = {
    amountFen: fen,
    channel: values.channel,
    anonymous: !named,
    ...(monthly
      ? { monthly: { dayOfMonth: Number(values.dayOfMonth), onProjectEnd: values.onProjectEnd ?? 'continue' } }
      : {}),
    receipt:
      values.receipt === 'wanted' && !monthly
        ? {
            requested: true,
            name: values.receiptName,
            ...(trimmed(values.receiptTaxId) ? { taxId: trimmed(values.receiptTaxId) } : {}),
            ...(trimmed(values.receiptEmail) ? { email: trimmed(values.receiptEmail) } : {}),
          }
        : { requested: false },
  };
  if (named) body.displayName = values.displayName;
  if (target.kind === 'project') body.projectSlug = target.slug;
  else {
    body.pool = {
      ...(values.targetGroup ? { targetGroup: values.targetGroup } : {}),
      ...(target.region ? { region: target.region } : {}),
      ...(target.campaign ? { campaign: target.campaign } : {}),
    };
  }
  const parsed = donationRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    return refuse(
      formFieldOf(issue.field, values),
      issue.message,
      issue.pii ? 'PERSONAL_INFO_IN_TEXT' : 'INVALID_BODY',
    );
  }
  return { ok: true, body: parsed.data };
}
