import { createHash, randomUUID } from 'node:crypto';
import { firstIssue } from '../../content/contracts/donation-request.ts';
import {
  type ReportReceipt,
  type ReportRequest,
  type ReportTargetKind,
  type ResolvedReportTarget,
  reportDeadline,
  reportDeadlineIsExact,
  reportRequestSchema,
  reportTargetPath,
} from '../../content/index.ts';
import type { DonationsContext } from '../context.ts';
import { DonationError } from '../errors.ts';
import { isUniqueViolation } from '../ledger/open-ledger.ts';
import type { SnapshotView } from '../snapshot-source.ts';
import { newReportReference } from './reference.ts';
import { findRecentDuplicate, insertReport, type ReportRow, reportsDb } from './store.ts';

/**
 * `POST /api/reports` without HTTP: validate (content/schemas/report-request.ts, PII lint of the
 * text included) → find the page the report is about in the published snapshot → store it with
 * its outbox row (delivery to the CMS happens later, by the publisher: Strapi is not on the
 * request path). The reporter's contact is encrypted at rest and never answered back.
 */

/** A second identical submission within this time gets the first one's receipt. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;

export function parseReportRequest(body: unknown): ReportRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new DonationError(400, 'INVALID_BODY', '请求体应为 JSON 对象');
  }
  const parsed = reportRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new DonationError(400, issue.pii ? 'PERSONAL_INFO_IN_TEXT' : 'INVALID_BODY', issue.message, issue.field);
  }
  return parsed.data;
}

export interface FoundTarget extends ResolvedReportTarget {
  charitySlug: string | null;
}

/** The published page a report names, or null. */
export function findReportTarget(view: SnapshotView, kind: ReportTargetKind, slug: string): FoundTarget | null {
  const path = reportTargetPath(kind, slug);
  if (kind === 'project') {
    const project = view.projects.get(slug);
    return project ? { kind, slug, title: project.title, path, charitySlug: project.charity } : null;
  }
  if (kind === 'needs') {
    const need = view.snapshot.needs.find((n) => n.region.provinceCode === slug);
    return need ? { kind, slug, title: `${need.region.province}的救助需求`, path, charitySlug: null } : null;
  }
  const campaign = view.snapshot.campaigns.find((c) => c.slug === slug);
  return campaign ? { kind, slug, title: campaign.title, path, charitySlug: null } : null;
}

/** Resolves the target of a form that failed validation, so the answer page can show the form again. */
export async function targetOfForm(
  ctx: DonationsContext,
  values: { targetKind: string; targetSlug: string },
): Promise<ResolvedReportTarget | null> {
  const kind = values.targetKind as ReportTargetKind;
  if (!['project', 'needs', 'campaign'].includes(kind)) return null;
  const found = findReportTarget(await ctx.snapshots.current(), kind, values.targetSlug);
  return found ? { kind: found.kind, slug: found.slug, title: found.title, path: found.path } : null;
}

function receiptOf(row: ReportRow, duplicate: boolean): ReportReceipt {
  return {
    reference: row.reference,
    receivedAt: new Date(row.received_at).toISOString(),
    deadline: row.deadline,
    deadlineExact: reportDeadlineIsExact(row.received_at),
    target: {
      kind: row.target_kind as ReportTargetKind,
      slug: row.target_slug,
      title: row.target_title,
      path: row.target_path,
    },
    contactGiven: row.contact_given === 1,
    duplicate,
  };
}

/**
 * `clientKey` is the rate-limit key of the client (its address, or its network): it enters the
 * duplicate fingerprint only as part of a hash, so no address is stored.
 */
export async function acceptReport(ctx: DonationsContext, body: unknown, clientKey: string): Promise<ReportReceipt> {
  const request = parseReportRequest(body);
  const target = findReportTarget(await ctx.snapshots.current(), request.targetKind, request.targetSlug);
  if (!target) {
    throw new DonationError(
      404,
      'TARGET_NOT_FOUND',
      '没有找到要举报的页面：它可能已下线，请从网站上的页面重新提交',
      'targetSlug',
    );
  }
  const db = reportsDb(ctx.ledger);
  const now = ctx.now();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([clientKey, target.kind, target.slug, request.kind, request.text, request.contact ?? '']))
    .digest('hex');
  const earlier = await findRecentDuplicate(
    db,
    fingerprint,
    new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString(),
  );
  if (earlier) return receiptOf(earlier, true);

  const receivedAt = now.toISOString();
  const row: ReportRow = {
    id: randomUUID(),
    reference: '',
    target_kind: target.kind,
    target_slug: target.slug,
    target_title: target.title,
    target_path: target.path,
    charity_slug: target.charitySlug,
    kind: request.kind,
    text: request.text,
    contact_enc: request.contact ? ctx.receipts.encrypt(request.contact) : null,
    contact_given: request.contact ? 1 : 0,
    received_at: receivedAt,
    deadline: reportDeadline(now),
    fingerprint,
  };
  // 30 random bits per day: a clash is rare, and then a new reference is drawn.
  for (let attempt = 0; ; attempt++) {
    row.reference = newReportReference(now);
    try {
      await insertReport(db, row);
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
  return receiptOf(row, false);
}
