import type { Core, UID } from '@strapi/strapi';
import { REPORT_HANDLING_STATUSES, type ReportTimes } from '../lib/content.ts';
import { keyOfLabelled } from '../lib/schema-kit.ts';
import type { StoredReport } from './report-answer.ts';
import { REPORT_UID } from './report-fields.ts';

/**
 * Reports as stored, read with the Query Engine (never the Document Service, so the guard does
 * not run on our own reads). Dates come back as strings or Date objects depending on the
 * database; they are normalised here: ISO instants, and YYYY-MM-DD for the deadline.
 */
export const REPORT_CT = REPORT_UID as UID.ContentType;

export function isoInstant(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A `date` column: PostgreSQL's driver may hand back a Date at UTC midnight; SQLite a string. */
export function isoDay(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value ?? '').slice(0, 10);
}

export async function storedReport(strapi: Core.Strapi, documentId: string): Promise<StoredReport | null> {
  const row = (await strapi.db.query(REPORT_CT).findOne({ where: { documentId } })) as Record<string, unknown> | null;
  if (!row) return null;
  return {
    ...row,
    receivedAt: isoInstant(row.receivedAt) ?? '',
    deadline: isoDay(row.deadline),
    answeredAt: isoInstant(row.answeredAt),
  };
}

/** The charity (documentId) a report is about: null for none, undefined when there is no such report. */
export async function reportCharity(strapi: Core.Strapi, documentId: string): Promise<string | null | undefined> {
  const row = (await strapi.db.query(REPORT_CT).findOne({
    where: { documentId },
    select: ['charityDocumentId'],
  })) as { charityDocumentId: string | null } | null;
  return row ? row.charityDocumentId : undefined;
}

/** Every report's three dates, for the public counts (content/rules/report-stats.ts). */
export async function allReportTimes(strapi: Core.Strapi): Promise<ReportTimes[]> {
  const rows = (await strapi.db.query(REPORT_CT).findMany({
    select: ['receivedAt', 'deadline', 'answeredAt', 'handlingStatus'],
  })) as Record<string, unknown>[];
  return rows.map((row) => ({
    receivedAt: isoInstant(row.receivedAt) ?? '',
    deadline: isoDay(row.deadline),
    answeredAt:
      keyOfLabelled(REPORT_HANDLING_STATUSES, row.handlingStatus) === 'answered' ? isoInstant(row.answeredAt) : null,
  }));
}
