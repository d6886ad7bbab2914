import { field, type ModelView } from '../edit-views/view-kit.ts';

const FILLED = '保存时由门户网站填写';

/** 团队处理 in the admin: paste the team, pick a reason, save — the list shows what was hidden. */
export const TEAM_MODERATION_VIEW: ModelView = {
  uid: 'api::team-moderation.team-moderation',
  mainField: 'teamName',
  list: ['teamName', 'projectTitle', 'reason', 'hiddenAt'],
  sort: { by: 'hiddenAt', order: 'DESC' },
  edit: [
    [['team', 12]],
    [['reason', 6]],
    [['note', 12]],
    [
      ['teamName', 6],
      ['projectTitle', 6],
    ],
    [
      ['charityName', 6],
      ['hiddenAt', 6],
    ],
    [['charityDocumentId', 6]],
  ],
  fields: {
    team: field(
      '队伍编号或分享链接',
      '只能处理本组织项目下的队伍。保存后队伍页面、排行榜和开放数据中立即不再显示该队伍；删除这条记录即恢复显示',
      '例如 https://…/teams/?id=abcdefgh2345 或 abcdefgh2345',
    ),
    reason: field('处理原因', '内部记录，不对外公开', '请选择原因'),
    note: field('备注', '200 字以内，仅本组织可见；请勿写入捐赠人、发起人或受助人的个人信息'),
    teamName: { ...field('队伍名称', FILLED), editable: false },
    projectTitle: { ...field('所属项目', FILLED), editable: false },
    charityName: { ...field('所属慈善组织', FILLED), editable: false },
    charityDocumentId: { ...field('慈善组织编号', FILLED), editable: false },
    hiddenAt: { ...field('隐藏时间', FILLED), editable: false },
  },
};
