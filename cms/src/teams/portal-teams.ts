import { loadEnv } from '../../config/env.ts';
import {
  TEAM_MODERATION_PATH,
  type TeamModerationAnswer,
  type TeamModerationCommand,
  teamModerationAnswerSchema,
  WEBHOOK_SECRET_HEADER,
} from '../lib/content.ts';

/**
 * The portal's answer to a 团队处理 command (publisher/webhook/team-moderation.ts), over the same
 * shared secret as the publish webhook. `unavailable` when the portal cannot be asked or answers
 * something else: the entry is then not saved (or not deleted), so nothing is half done.
 */
export type PortalTeamAnswer =
  | { kind: 'hidden'; answer: TeamModerationAnswer }
  | { kind: 'restored' }
  | { kind: 'not-found' }
  | { kind: 'unavailable'; why: string };

const TIMEOUT_MS = 10_000;

export async function askPortal(command: TeamModerationCommand): Promise<PortalTeamAnswer> {
  const env = loadEnv();
  let response: Response;
  try {
    response = await fetch(`${env.publisherUrl}${TEAM_MODERATION_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: env.secrets.webhookSecret },
      body: JSON.stringify(command),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: 'unavailable', why: (error as Error).message };
  }
  const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  if (response.status === 404 && body?.error?.code === 'TEAM_NOT_FOUND') return { kind: 'not-found' };
  if (response.status !== 200)
    return { kind: 'unavailable', why: `HTTP ${response.status} ${body?.error?.code ?? ''}` };
  if (command.action === 'restore') return { kind: 'restored' };
  const parsed = teamModerationAnswerSchema.safeParse(body);
  return parsed.success ? { kind: 'hidden', answer: parsed.data } : { kind: 'unavailable', why: 'unexpected answer' };
}
