import { z } from 'zod';
import { lintPii } from '../rules/pii-lint.ts';
import { slug } from '../schemas/common.ts';
import { TEAM_ID } from './donation-request.ts';

/**
 * 团队处理 (issue 18): a charity editor hides a 一起捐 team of its own projects from the CMS admin.
 * The CMS saves a `team-moderation` entry and, in the same step, asks the portal to hide the team
 * (`POST /webhooks/strapi/team-moderation`, the webhook's shared secret); deleting the entry asks
 * it to restore the team. Both sides parse with these schemas.
 */

export const TEAM_MODERATION_REASONS = {
  'offensive-name': '名称或宣言不当',
  'personal-info': '泄露个人信息',
  impersonation: '冒用本组织或他人名义',
  'misleading-claim': '虚假或误导性说法',
  advertising: '广告或引流',
  other: '其他',
} as const;
export type TeamModerationReason = keyof typeof TEAM_MODERATION_REASONS;
const REASON_KEYS = Object.keys(TEAM_MODERATION_REASONS) as [TeamModerationReason, ...TeamModerationReason[]];
export const teamModerationReason = z.enum(REASON_KEYS, {
  message: `请选择处理原因：${Object.values(TEAM_MODERATION_REASONS).join('、')}`,
});

export const TEAM_MODERATION_NOTE_MAX = 200;

/**
 * The team as the editor pastes it: its 12-character id, or its share link (`…/teams/?id=…`, the
 * poster's QR code, a WeChat message). Anything else is refused, naming what is accepted.
 */
export function teamIdFrom(input: string): string | null {
  const text = input.trim();
  if (TEAM_ID.test(text)) return text;
  const m = /[?&]id=([a-z2-7]{12})(?:[&#]|$)/.exec(text) ?? /\/teams\/([a-z2-7]{12})(?:[/?#]|$)/.exec(text);
  return m?.[1] ?? null;
}

const TEAM_REF_MESSAGE = '请填写队伍编号（12 位小写字母和数字）或粘贴队伍的分享链接（…/teams/?id=…）';

export const teamRef = z
  .string({ message: TEAM_REF_MESSAGE })
  .max(500, { message: TEAM_REF_MESSAGE })
  .transform((value, ctx) => {
    const id = teamIdFrom(value);
    if (!id) ctx.addIssue({ code: 'custom', message: TEAM_REF_MESSAGE });
    return id ?? '';
  });

/** What the editor fills in (the admin form; the CMS guard parses it before asking the portal). */
export const teamModerationInputSchema = z.object({
  team: teamRef,
  reason: teamModerationReason,
  note: z
    .string({ message: '备注应为文字' })
    .trim()
    .max(TEAM_MODERATION_NOTE_MAX, { message: `备注不能超过 ${TEAM_MODERATION_NOTE_MAX} 个字` })
    .nullish()
    .transform((v) => v || null),
});
export type TeamModerationInput = z.infer<typeof teamModerationInputSchema>;

/** The PII finding in the internal note, if any (a note names no donor, leader or beneficiary). */
export function teamModerationNoteIssue(note: string | null): string | null {
  const finding = note ? lintPii(note)[0] : undefined;
  return finding ? `备注${finding.message}，请删去后再保存` : null;
}

/** CMS → portal. `entry` is the CMS entry's documentId: one hide per entry, repeated safely. */
export const teamModerationCommandSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('hide'),
    entry: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    team: z.string().regex(TEAM_ID, { message: '队伍编号无效' }),
    /** The charities the editor works for: a team of any other charity is "not found". */
    charities: z.array(slug).min(1).max(5_000),
    reason: teamModerationReason,
  }),
  z.strictObject({ action: z.literal('restore'), entry: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
]);
export type TeamModerationCommand = z.infer<typeof teamModerationCommandSchema>;

/** Portal → CMS after a hide: what the entry shows the editor (never the leader's key or a donor). */
export const teamModerationAnswerSchema = z.object({
  team: z.object({
    id: z.string(),
    name: z.string(),
    project: z.object({ slug: z.string(), title: z.string() }),
    charity: z.string(),
  }),
});
export type TeamModerationAnswer = z.infer<typeof teamModerationAnswerSchema>;

export const TEAM_MODERATION_PATH = '/webhooks/strapi/team-moderation';
/** The one answer for an unknown team and another charity's team (no oracle for team ids). */
export const TEAM_NOT_FOUND_FOR_CHARITY = '找不到本组织项目下的这支队伍，请核对队伍编号或分享链接';
