/** The workbench's own enums and their Chinese labels (the portal's target groups and service types come from content/). */
export const PERSONAL_FIELDS = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '联系电话',
  address: '住址',
  notes: '情况说明',
} as const;
export type PersonalField = keyof typeof PERSONAL_FIELDS;
export const PERSONAL_FIELD_KEYS = Object.keys(PERSONAL_FIELDS) as [PersonalField, ...PersonalField[]];

export const URGENCY = { normal: '一般', urgent: '紧急', critical: '非常紧急' } as const;
export const GOV_ASSISTANCE = {
  none: '未申请政府救助',
  given: '已获政府救助，仍有困难',
  refused: '申请未获批准（暂不符合条件）',
} as const;
export const ASSISTANCE_KINDS = {
  dibao: '最低生活保障（低保）',
  tekun: '特困人员救助供养',
  temporary: '临时救助',
} as const;
export const CONSENT_RELATIONS = { self: '本人', guardian: '监护人' } as const;
export const DECLINE_REASONS = {
  'out-of-scope': '不在本机构帮扶范围',
  'no-capacity': '项目资金或人手已满',
  'already-helped': '已由其他渠道帮扶',
  other: '其他原因',
} as const;
export const HELP_KINDS = {
  cash: '资金帮扶',
  goods: '物资帮扶',
  service: '服务（照料、心理、康复等）',
  medical: '医疗费用',
  education: '助学',
  other: '其他',
} as const;
export const COUNTY_OUTCOMES = {
  assessed: '已核查，正在评估',
  'not-eligible': '经核查不符合救助条件',
  assisted: '已纳入救助',
  'helped-to-apply': '已协助提出救助申请',
} as const;
export const STATUS_LABELS: Record<string, string> = {
  draft: '待选择慈善组织',
  pending: '等待慈善组织答复',
  accepted: '已接收，帮扶中',
  declined: '均已婉拒',
  helped: '已结案（已帮扶）',
  'closed-unhelped': '已结案（未帮扶）',
  assessed: '已核查，正在评估',
  'not-eligible': '不符合救助条件',
  assisted: '已纳入救助',
  'helped-to-apply': '已协助申请',
};
/** Statuses after which nothing changes but the purge. */
export const CLOSED_STATUSES = ['helped', 'closed-unhelped', 'not-eligible', 'assisted', 'helped-to-apply', 'declined'];
