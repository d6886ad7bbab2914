import { isReportOverdue, REPORT_HANDLING_STATUSES } from '../lib/content.ts';
import { keyOfLabelled } from '../lib/schema-kit.ts';
import {
  ANSWER_FIELDS,
  DERIVED_FIELDS,
  REPORT_FIELD_LABELS,
  type ReportField,
  SUBMITTED_FIELDS,
} from './report-fields.ts';

/**
 * What an update of a report may do (report-guard.ts runs it for every admin and API update):
 * change the answer fields, nothing the reporter sent, and leave the answer consistent —
 * 已答复 needs an answer and gets its time (now, unless given; never before receipt nor in the
 * future), other states have no answer time; the overdue flag follows. Pure: no Strapi here.
 */
export interface StoredReport {
  receivedAt: string;
  /** YYYY-MM-DD. */
  deadline: string;
  [field: string]: unknown;
}

export type AnswerVerdict = { ok: true; data: Record<string, unknown> } | { ok: false; field: string; message: string };

const SUBMITTED = new Set<string>(SUBMITTED_FIELDS);
const ANSWER = new Set<string>(ANSWER_FIELDS);
const DERIVED = new Set<string>(DERIVED_FIELDS);
/** A clock a little ahead of ours is not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

function comparable(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? value : new Date(t).toISOString();
  }
  return String(value);
}

function refuse(field: string, message: string): AnswerVerdict {
  return { ok: false, field, message };
}

export function applyAnswer(stored: StoredReport, data: Record<string, unknown>, now: Date): AnswerVerdict {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (ANSWER.has(field)) out[field] = value;
    else if (SUBMITTED.has(field)) {
      if (comparable(value) === comparable(stored[field])) continue;
      const label = REPORT_FIELD_LABELS[field as ReportField];
      return refuse(field, `“${label}”是举报人提交的内容，不能修改；只能填写处理状态、答复内容和答复时间`);
    }
    // Strapi's own keys (updatedBy …) pass; the derived flag is set below.
    else if (!DERIVED.has(field)) out[field] = value;
  }
  const merged = { ...stored, ...out };
  const status = keyOfLabelled(REPORT_HANDLING_STATUSES, merged.handlingStatus);
  if (!status) {
    return refuse('handlingStatus', `处理状态应为：${Object.values(REPORT_HANDLING_STATUSES).join('、')}`);
  }
  let answeredAt: string | null = null;
  if (status === 'answered') {
    const answer = typeof merged.answer === 'string' ? merged.answer.trim() : '';
    if (!answer) return refuse('answer', '处理状态为“已答复”时，须填写答复内容');
    const given = comparable(merged.answeredAt);
    answeredAt = given === '' ? now.toISOString() : given;
    const at = Date.parse(answeredAt);
    if (Number.isNaN(at)) return refuse('answeredAt', '答复时间无效');
    if (at < Date.parse(stored.receivedAt)) return refuse('answeredAt', '答复时间不能早于收到举报的时间');
    if (at > now.getTime() + CLOCK_SKEW_MS) return refuse('answeredAt', '答复时间不能晚于现在');
  }
  out.answeredAt = answeredAt;
  out.overdue = isReportOverdue({ deadline: stored.deadline, answeredAt }, now);
  return { ok: true, data: out };
}
