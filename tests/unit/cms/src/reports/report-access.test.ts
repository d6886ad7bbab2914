import { describe, expect, it } from 'vitest';
import { REPORT_CONDITION, reportPermissionProblems } from '../../../../../cms/src/reports/report-access.ts';

/** The start-up check of the report permissions (a missing condition would show A the reports on B). */
const READ = 'plugin::content-manager.explorer.read';
const UPDATE = 'plugin::content-manager.explorer.update';
const subject = 'api::report.report';
const registered = (id: string) => id === REPORT_CONDITION;

describe('reportPermissionProblems', () => {
  it('accepts the declared permissions', () => {
    const charity = [
      { action: READ, subject, conditions: [REPORT_CONDITION] },
      { action: UPDATE, subject, conditions: [REPORT_CONDITION] },
    ];
    expect(reportPermissionProblems('charityEditor', '慈善组织编辑', charity, registered)).toEqual([]);
    const ministry = [
      { action: READ, subject, conditions: [] },
      { action: UPDATE, subject, conditions: [] },
    ];
    expect(reportPermissionProblems('ministryEditor', '民政部门编辑', ministry, registered)).toEqual([]);
  });

  it('names a charity editor’s permission stored without its condition, or a condition not registered', () => {
    const stored = [{ action: READ, subject, conditions: [] }];
    expect(reportPermissionProblems('charityEditor', '慈善组织编辑', stored, registered)).toEqual([
      expect.stringContaining(`缺少条件 ${REPORT_CONDITION}`),
    ]);
    const withCondition = [{ action: READ, subject, conditions: [REPORT_CONDITION] }];
    expect(reportPermissionProblems('charityEditor', '慈善组织编辑', withCondition, () => false)).toEqual([
      expect.stringContaining('没有注册'),
    ]);
  });

  it('refuses create or delete of reports for an editor role', () => {
    const stored = [
      { action: 'plugin::content-manager.explorer.create', subject, conditions: [] },
      { action: 'plugin::content-manager.explorer.delete', subject, conditions: [] },
    ];
    expect(reportPermissionProblems('ministryEditor', '民政部门编辑', stored, registered)).toHaveLength(2);
  });
});
