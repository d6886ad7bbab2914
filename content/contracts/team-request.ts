import { z } from 'zod';
import { teamTextIssue } from '../rules/team-text.ts';
import { slug } from '../schemas/common.ts';
import { TEAM_LIMITS } from './team-limits.ts';

/**
 * 一起捐 (issue 18): the body of `POST /api/teams`, strict like the donation request. Lengths are
 * checked before the word filter (a 10 KB name is refused for its length, plainly). The team id
 * in share links and in `POST /api/donations` `team` is 12 characters of lowercase base32.
 */

export { TEAM_LIMITS };

export const TEAM_TEXT_FIELDS = ['name', 'message', 'leaderName'] as const;
export const TEAM_FIELD_LABELS: Record<(typeof TEAM_TEXT_FIELDS)[number], string> = {
  name: '队伍名称',
  message: '队伍宣言',
  leaderName: '发起人称呼',
};

const text = (field: (typeof TEAM_TEXT_FIELDS)[number], min: number) => {
  const label = TEAM_FIELD_LABELS[field];
  const max = TEAM_LIMITS[field];
  return z
    .string({ message: `${label}应为文字` })
    .trim()
    .min(min, { message: `${label}至少 ${min} 个字` })
    .max(max, { message: `${label}不能超过 ${max} 个字` });
};

export const teamRequestSchema = z.strictObject({
  projectSlug: slug,
  name: text('name', 2),
  goalFen: z
    .number({ message: '目标金额应为整数（单位：分）' })
    .int({ message: '目标金额应为整数（单位：分）' })
    .min(TEAM_LIMITS.minGoalFen, { message: '目标金额至少 100 元' })
    .max(TEAM_LIMITS.maxGoalFen, { message: '目标金额最多 100 万元' }),
  message: text('message', 1).optional(),
  /** How the leader is shown (a nickname); absent: 发起人. */
  leaderName: text('leaderName', 1).optional(),
});
export type TeamRequest = z.infer<typeof teamRequestSchema>;

/** The first word-filter refusal of a parsed request, with its field. */
export function teamRequestTextIssue(
  request: Pick<TeamRequest, 'name' | 'message' | 'leaderName'>,
): { field: string; problem: string; message: string } | null {
  for (const field of TEAM_TEXT_FIELDS) {
    const value = request[field];
    const issue = value ? teamTextIssue(value) : null;
    if (issue) return { field, problem: issue.problem, message: `${TEAM_FIELD_LABELS[field]}${issue.message}` };
  }
  return null;
}
