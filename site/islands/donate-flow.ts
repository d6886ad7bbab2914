import { z } from 'zod';
import { CREATE_DONATION_PATH } from '../../content/contracts/api-routes.ts';
import { PAY_QR_IMAGE_PATTERN } from '../../content/contracts/pay-qr-image.ts';
import { type ApiResult, callApi } from './api-client.ts';
import { rememberGift } from './gift-memory.ts';

/**
 * The part of the donate island loaded on first use (`import()` from donate-form.tsx, when the
 * form first takes focus or is sent): the request checks (donations/request-schema.ts through
 * donation-request.ts), `POST /api/donations` with its answer checked by zod — the money step
 * deserves the full check — and the steps shown after it, which only ever follow this module.
 * Keeping them here keeps a project page's up-front script inside its budget
 * (tests/e2e/budgets.test.ts).
 */
export { buildDonationRequest, formFieldOf } from './donation-request.ts';
export { ConfirmStep, QrStep } from './ui/confirm-step.tsx';
export { FormHead, MonthlyDetails } from './ui/monthly-fields.tsx';

const project = z.object({
  slug: z.string(),
  title: z.string(),
  charity: z.object({ slug: z.string(), name: z.string() }),
});

// Only a PNG data URL reaches the `<img src>` of the pay step (ui/pay-qr.tsx).
const qrImage = z.string().regex(PAY_QR_IMAGE_PATTERN).optional();

const payStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('redirect'), url: z.string(), sandbox: z.boolean(), expiresAt: z.string(), qrImage }),
  z.object({ kind: z.literal('qr'), qrCode: z.string(), sandbox: z.boolean(), expiresAt: z.string(), qrImage }),
]);

export const createdDonationSchema = z.object({
  donationId: z.string(),
  outTradeNo: z.string(),
  project,
  amountFen: z.number().int().nonnegative(),
  routing: z.object({ reason: z.string() }).optional(),
  /** 配捐 this gift would meet if paid now (issue 18): said on the confirm step, before paying. */
  matching: z
    .object({
      pool: z.string(),
      sponsor: z.string(),
      remainingFen: z.number().int().nonnegative(),
      exhausted: z.boolean(),
    })
    .optional(),
  pay: payStep,
  lookup: z.object({ token: z.string(), path: z.string() }).optional(),
});
export type CreatedDonation = z.infer<typeof createdDonationSchema>;

/** The answer for 每月捐 (donations/monthly/create-plan.ts): a plan, its signing step and the private link. */
export const createdPlanSchema = z.object({
  planId: z.string(),
  project,
  amountFen: z.number().int().nonnegative(),
  routing: z.object({ reason: z.string() }).optional(),
  monthly: z.object({
    dayOfMonth: z.number().int(),
    onProjectEnd: z.enum(['continue', 'stop']),
    firstChargeOn: z.string(),
    manageUrl: z.string().regex(/^https?:\/\/[^#]+\/monthly\/manage\/#[A-Za-z0-9_-]{43}$/),
  }),
  pay: payStep,
});
export type CreatedPlan = z.infer<typeof createdPlanSchema>;

export function createDonation(body: unknown): Promise<ApiResult<CreatedDonation | CreatedPlan>> {
  return callApi(
    (answer) => {
      if (typeof answer === 'object' && answer !== null && 'monthly' in answer) {
        const plan = createdPlanSchema.safeParse(answer);
        return plan.success ? plan.data : null;
      }
      const parsed = createdDonationSchema.safeParse(answer);
      if (parsed.success && parsed.data.lookup) {
        // This device remembers the gift's private link (/my/ and the result page show it).
        const d = parsed.data;
        rememberGift({
          token: d.lookup?.token ?? '',
          outTradeNo: d.outTradeNo,
          projectTitle: d.project.title,
          amountFen: d.amountFen,
          donationId: d.donationId,
        });
      }
      return parsed.success ? parsed.data : null;
    },
    CREATE_DONATION_PATH,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
}
