import type { DueKind, DueStatus } from '../../content/index.ts';

/** Words for the disclosure schedule (Charity Law Art. 79), as the project and dashboard pages show it. */
export const DUE_KIND_LABELS: Record<DueKind, string> = {
  periodic: '定期公开（至少每三个月一次）',
  emergency: '应急募捐收支公开（至少每五日一次）',
  'final-report': '结项后全面公开募得与使用情况',
  'remaining-property': '剩余财产处理情况公开',
};

export const DUE_STATUS_LABELS: Record<DueStatus, string> = {
  'on-time': '按时公开',
  late: '逾期后补公开',
  overdue: '逾期未披露',
  upcoming: '尚未到期',
};

/** How the share of on-time disclosures is defined, wherever it is shown. */
export const TIMELINESS_DEFINITION =
  '按时公开率 = 截止日已到的法定公开事项中，在截止日当天或之前完成公开的事项所占比例。法定公开事项依《慈善法》第七十九条计算：募捐或项目实施超过六个月的，至少每三个月公开一次；项目结束后三个月内全面公开募得与使用情况；应急募捐至少每五日公开一次收支；结项或终止后三个月内公开剩余财产处理情况。逾期后补公开和逾期未披露均不计为按时。';
