import { TEAM_MODERATION_NOTE_MAX, TEAM_MODERATION_REASONS } from '../../../../lib/content.ts';
import { datetime, labelledEnumOf, optionalString, string, text } from '../../../../lib/schema-kit.ts';

/**
 * 团队处理 (issue 18): a charity editor hides a 一起捐 team of its own projects. Teams live in the
 * portal's ledger, not here: saving an entry asks the portal to hide the team, deleting it asks to
 * restore it, both at once (src/teams/team-moderation-guard.ts). Never published, never in the
 * snapshot, no Content API routes; a charity editor sees its own charity's entries only
 * (src/teams/team-moderation-access.ts). `team` is what the editor pasted, kept as the team id.
 */
export default {
  kind: 'collectionType',
  collectionName: 'team_moderations',
  info: {
    singularName: 'team-moderation',
    pluralName: 'team-moderations',
    displayName: '团队处理',
    description: '隐藏本组织项目下不当的一起捐队伍；删除这条记录即恢复显示',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-type-builder': { visible: false } },
  attributes: {
    team: string(500),
    reason: labelledEnumOf(TEAM_MODERATION_REASONS),
    note: text(TEAM_MODERATION_NOTE_MAX, false),
    /** Filled from the portal's answer: what the editor recognises the team by. */
    teamName: optionalString(40),
    projectTitle: optionalString(200),
    /** documentId of the team's charity (the own-charity condition matches it). */
    charityDocumentId: optionalString(32),
    charityName: optionalString(120),
    hiddenAt: datetime(false),
  },
};
