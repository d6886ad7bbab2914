import { z } from 'zod';
import { isoDateTime, nonEmptyText, slug } from './common.ts';
import { REPORT_CONTACT_MAX, REPORT_TEXT_MAX, reportKind, reportReference, reportTargetKind } from './report.ts';

/**
 * Portal → CMS: how the portal's outbox hands a received report to Strapi (DESIGN.md: Strapi is
 * not on the request path, so the portal accepts and stores the report itself and delivers it
 * later). `POST {STRAPI_URL}/api/reports/intake` with `Authorization: Bearer <XIANJIE_REPORT_SECRET>`
 * and `Idempotency-Key: <reference>`; the reference is the key: a second delivery of the same
 * report answers 200 with the entry the first one made, never a second entry.
 *
 * `GET {STRAPI_URL}/api/reports/stats` gives the counts per quarter (reportStatsSchema) that the
 * publisher's pull puts into each release.
 */
export const REPORT_INTAKE_PATH = '/api/reports/intake';
export const REPORT_STATS_PATH = '/api/reports/stats';

export const reportIntakeSchema = z.strictObject({
  reference: reportReference,
  kind: reportKind,
  text: nonEmptyText(REPORT_TEXT_MAX),
  /** The reporter's phone or e-mail: visible to the ministry's editors only. */
  contact: z.string().trim().min(1).max(REPORT_CONTACT_MAX).nullable(),
  target: z.strictObject({
    kind: reportTargetKind,
    slug,
    title: nonEmptyText(200),
    path: z.string().regex(/^\/[\w\-/]*$/, { message: '页面路径无效' }),
  }),
  /** The project's charity; null for a needs or campaign page (the ministry handles those). */
  charitySlug: slug.nullable(),
  receivedAt: isoDateTime,
});
export type ReportIntake = z.infer<typeof reportIntakeSchema>;

export const reportIntakeAnswerSchema = z.object({
  documentId: z.string().min(1),
  reference: reportReference,
  /** False when the report was already there (a repeated delivery). */
  created: z.boolean(),
});
export type ReportIntakeAnswer = z.infer<typeof reportIntakeAnswerSchema>;
