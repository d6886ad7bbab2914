import {
  REPORT_CONTACT_MAX,
  REPORT_HANDLING_STATUSES,
  REPORT_KINDS,
  REPORT_TARGET_KINDS,
  REPORT_TEXT_MAX,
} from '../../../../lib/content.ts';
import { boolean, date, datetime, labelledEnumOf, optionalString, string, text } from '../../../../lib/schema-kit.ts';

/**
 * 举报/投诉 received on the site (content/schemas/report.ts). Entries are made only by the portal's
 * delivery (`POST /api/reports/intake`, src/reports/report-intake.ts), never in the admin
 * (src/reports/report-guard.ts); editors fill in the answer fields only. Never published: no
 * draft & publish, no Content API read routes; the site shows counts per quarter only
 * (`GET /api/reports/stats`). The reporter's contact is private (never in a Content API answer)
 * and hidden from charity editors (src/reports/report-permissions.ts): only the ministry sees it.
 */
export default {
  kind: 'collectionType',
  collectionName: 'reports',
  info: {
    singularName: 'report',
    pluralName: 'reports',
    displayName: '举报投诉',
    description: '公众在募捐页面提交的举报/投诉：须在收到后 5 个工作日内答复',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-type-builder': { visible: false } },
  attributes: {
    reference: { ...string(32), unique: true },
    kind: labelledEnumOf(REPORT_KINDS),
    text: text(REPORT_TEXT_MAX),
    contact: optionalString(REPORT_CONTACT_MAX, { private: true }),
    targetKind: labelledEnumOf(REPORT_TARGET_KINDS),
    targetSlug: string(120),
    targetTitle: string(200),
    targetPath: string(200),
    /** documentId of the project's charity (the own-charity condition matches it); null for needs and campaigns. */
    charityDocumentId: optionalString(32),
    charityName: optionalString(120),
    receivedAt: datetime(),
    deadline: date(),
    overdue: boolean(false),
    handlingStatus: labelledEnumOf(REPORT_HANDLING_STATUSES, { default: 'pending' }),
    answer: text(2000, false),
    answeredAt: datetime(false),
  },
};
