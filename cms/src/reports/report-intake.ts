import { createHash, timingSafeEqual } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  formatPath,
  isReportOverdue,
  lintPii,
  REPORT_HANDLING_STATUSES,
  REPORT_KINDS,
  REPORT_TARGET_KINDS,
  type ReportIntakeAnswer,
  reportDeadline,
  reportIntakeSchema,
} from '../lib/content.ts';
import { labelledValue } from '../lib/schema-kit.ts';
import { CHARITY_UID } from '../rbac/charity-access.ts';
import { REPORT_CT } from './report-rows.ts';

/**
 * `POST /api/reports/intake`: the portal's outbox hands over a report it accepted (content/
 * schemas/report-intake.ts). Only the portal may call it (bearer secret, compared in constant
 * time); the reference is the idempotency key — a repeated delivery answers with the entry the
 * first one made. The deadline is computed here again from the time of receipt, with the same
 * rule the portal told the reporter, and the text is PII-linted again (the CMS trusts no caller
 * with personal data in a field editors of another organisation may read).
 */

export function secretMatches(authorization: string | undefined, secret: string): boolean {
  const given = /^Bearer (\S+)$/.exec(authorization?.trim() ?? '')?.[1];
  if (!given || !secret) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

async function existing(strapi: Core.Strapi, reference: string): Promise<ReportIntakeAnswer | null> {
  const row = (await strapi.db.query(REPORT_CT).findOne({
    where: { reference },
    select: ['documentId', 'reference'],
  })) as { documentId: string; reference: string } | null;
  return row ? { documentId: row.documentId, reference: row.reference, created: false } : null;
}

export async function intakeReport(strapi: Core.Strapi, body: unknown, now = new Date()): Promise<ReportIntakeAnswer> {
  const parsed = reportIntakeSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new errors.ValidationError(`举报数据无效：${formatPath(issue?.path ?? [])} ${issue?.message ?? ''}`.trim());
  }
  const report = parsed.data;
  if (lintPii(report.text).length > 0) throw new errors.ValidationError('举报内容含有个人信息，不能保存');

  const before = await existing(strapi, report.reference);
  if (before) return before;

  const charity = report.charitySlug
    ? ((await strapi.db.query(CHARITY_UID).findOne({
        // The published charity: the page the report was made on showed its published name.
        where: { slug: report.charitySlug, publishedAt: { $notNull: true } },
        select: ['documentId', 'name'],
      })) as { documentId: string; name: string } | null)
    : null;
  const deadline = reportDeadline(report.receivedAt);
  try {
    const created = await strapi.documents(REPORT_CT).create({
      data: {
        reference: report.reference,
        kind: labelledValue(REPORT_KINDS, report.kind),
        text: report.text,
        contact: report.contact,
        targetKind: labelledValue(REPORT_TARGET_KINDS, report.target.kind),
        targetSlug: report.target.slug,
        targetTitle: report.target.title,
        targetPath: report.target.path,
        charityDocumentId: charity?.documentId ?? null,
        charityName: charity?.name ?? null,
        receivedAt: report.receivedAt,
        deadline,
        overdue: isReportOverdue({ deadline, answeredAt: null }, now),
        handlingStatus: labelledValue(REPORT_HANDLING_STATUSES, 'pending'),
        answer: null,
        answeredAt: null,
      } as never,
    });
    return { documentId: created.documentId, reference: report.reference, created: true };
  } catch (error) {
    // Two deliveries of one report at once: the unique index lets one in; answer as a repeat.
    const raced = await existing(strapi, report.reference);
    if (raced) return raced;
    throw error;
  }
}
