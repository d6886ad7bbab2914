import { describe, expect, it } from 'vitest';
import {
  TEAM_MODERATION_CONDITION,
  TEAM_MODERATION_UID,
  teamModerationPermissionProblems,
} from '../../../../../cms/src/teams/team-moderation-access.ts';

/** The start-up check of the 团队处理 permissions (a missing condition would let A hide B's teams). */
const CM = 'plugin::content-manager.explorer';
const subject = TEAM_MODERATION_UID;
const registered = (id: string) => id === TEAM_MODERATION_CONDITION;
const declared = ['create', 'read', 'update', 'delete'].map((a) => ({
  action: `${CM}.${a}`,
  subject,
  conditions: [TEAM_MODERATION_CONDITION],
}));

describe('teamModerationPermissionProblems', () => {
  it('accepts the declared permissions, and none for the ministry', () => {
    expect(teamModerationPermissionProblems('charityEditor', '慈善组织编辑', declared, registered)).toEqual([]);
    expect(teamModerationPermissionProblems('ministryEditor', '民政部门编辑', [], registered)).toEqual([]);
  });

  it('names a charity editor’s permission stored without its condition, or the condition not registered', () => {
    const stored = [{ action: `${CM}.create`, subject, conditions: [] }];
    expect(teamModerationPermissionProblems('charityEditor', '慈善组织编辑', stored, registered)).toEqual([
      expect.stringContaining(`缺少条件 ${TEAM_MODERATION_CONDITION}`),
    ]);
    expect(teamModerationPermissionProblems('charityEditor', '慈善组织编辑', declared, () => false)).toEqual([
      expect.stringContaining('没有注册'),
    ]);
  });

  it('refuses any 团队处理 permission of the ministry editor', () => {
    expect(teamModerationPermissionProblems('ministryEditor', '民政部门编辑', declared, registered)).toHaveLength(4);
  });
});
