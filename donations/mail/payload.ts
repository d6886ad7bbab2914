import { z } from 'zod';

/**
 * What a queued message says, stored as JSON in `mail_queue.payload` and read back through these
 * schemas. It never holds the address: that stays encrypted in `mail_subscriptions` and is
 * decrypted only when the message is sent.
 */
const projectRef = z.object({ slug: z.string().min(1), title: z.string().min(1) });

export const confirmPayloadSchema = z.object({
  kind: z.literal('confirm'),
  project: projectRef,
  /** The confirmation's time: the link's token covers it (mail-keys.ts). */
  confirmSentAt: z.string().min(1),
});

export const newsDisclosureSchema = z.object({
  slug: z.string().min(1),
  title: z.string().min(1),
  kind: z.string().min(1),
  period: z.object({ start: z.string(), end: z.string() }),
  /** Sum of the disclosure's expense lines, integer fen. */
  expenseFen: z.number().int().nonnegative(),
});
export type NewsDisclosure = z.infer<typeof newsDisclosureSchema>;

export const updatePayloadSchema = z.object({
  kind: z.literal('update'),
  project: projectRef,
  disclosures: z.array(newsDisclosureSchema).min(1),
});

export const payloadSchema = z.discriminatedUnion('kind', [confirmPayloadSchema, updatePayloadSchema]);
export type MailPayload = z.infer<typeof payloadSchema>;
