import { z } from 'zod';

/**
 * The body of `POST /api/projects/{slug}/subscriptions` (issue 16 item 5): an e-mail address to
 * hear of the project's new disclosures, double opt-in. Strict: unknown keys are refused. The
 * answer is the same whether the address was new, waiting for its confirmation or already
 * confirmed, so the endpoint tells no one whether an address follows a project.
 */
export const subscriptionRequestSchema = z.strictObject(
  {
    email: z
      .string({ message: '邮箱应为文字' })
      .trim()
      .max(254, { message: '邮箱不能超过 254 个字符' })
      .pipe(z.email({ message: '邮箱格式不正确，应形如 name@example.com' })),
  },
  { message: '请求应为 {"email": "name@example.com"}，不能有其他字段' },
);
export type SubscriptionRequest = z.infer<typeof subscriptionRequestSchema>;

/** `202` to every accepted request. */
export interface SubscriptionAnswer {
  status: 'confirmation-sent';
  project: { slug: string; title: string };
  /** The Chinese sentence the page shows. */
  message: string;
}

/** `200` to a confirm or unsubscribe click. */
export interface SubscriptionChangeAnswer {
  status: 'confirmed' | 'unsubscribed';
  project: { slug: string; title: string };
}

export { SUBSCRIPTION_PAGES } from './subscription-routes.ts';
