/**
 * The fields of a report (src/api/report) as editors meet them: Chinese labels for the admin
 * (report-admin-layout.ts) and messages, and which fields anyone may change. Pure data.
 */
export const REPORT_UID = 'api::report.report';

/** What the reporter sent (and the portal derived from it): nobody changes these in the admin. */
export const SUBMITTED_FIELDS = [
  'reference',
  'kind',
  'text',
  'contact',
  'targetKind',
  'targetSlug',
  'targetTitle',
  'targetPath',
  'charityDocumentId',
  'charityName',
  'receivedAt',
  'deadline',
] as const;

/** What the charity or the ministry fills in. */
export const ANSWER_FIELDS = ['handlingStatus', 'answer', 'answeredAt'] as const;

/** Kept by the CMS itself from the other fields (report-answer.ts, report-overdue.ts). */
export const DERIVED_FIELDS = ['overdue'] as const;

export type ReportField =
  | (typeof SUBMITTED_FIELDS)[number]
  | (typeof ANSWER_FIELDS)[number]
  | (typeof DERIVED_FIELDS)[number];

export const REPORT_FIELD_LABELS: Record<ReportField, string> = {
  reference: '举报编号',
  kind: '问题类型',
  text: '具体情况',
  contact: '举报人联系方式',
  targetKind: '页面类型',
  targetSlug: '页面标识',
  targetTitle: '被举报的页面',
  targetPath: '页面地址',
  charityDocumentId: '慈善组织标识',
  charityName: '慈善组织',
  receivedAt: '收到时间',
  deadline: '答复期限',
  overdue: '已逾期',
  handlingStatus: '处理状态',
  answer: '答复内容',
  answeredAt: '答复时间',
};

export const REPORT_FIELD_HINTS: Partial<Record<ReportField, string>> = {
  contact: '仅民政部门可见，不公开，不提供给被举报的慈善组织',
  deadline: '收到后第 5 个工作日（北京时间当天结束前）；2024–2026 年已计入法定节假日和调休，其他年份只跳过周末',
  overdue: '超过答复期限仍未答复，或答复晚于期限；系统每小时更新',
  handlingStatus: '答复后请选“已答复”，并填写答复内容',
  answeredAt: '选“已答复”时不填则记为保存的时间',
};
