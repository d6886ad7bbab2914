import { fillPath } from '../../content/contracts/api-routes.ts';
import {
  PROJECT_SUBSCRIPTIONS_PATH,
  SUBSCRIPTION_CONFIRM_PATH,
  SUBSCRIPTION_UNSUBSCRIBE_PATH,
} from '../../content/contracts/subscription-routes.ts';
import { type ApiResult, callApi, isObject, isText } from './api-client.ts';

/**
 * The browser's side of the subscription API (donations/mail/handlers.ts), answers checked field
 * by field like every answer of `api-client.ts` (no zod: the subscribe island stays small).
 */
export interface ProjectName {
  slug: string;
  title: string;
}

const asProjectName = (v: unknown): ProjectName | null =>
  isObject(v) && isText(v.slug) && isText(v.title) ? { slug: v.slug, title: v.title } : null;

export function asSubscriptionAnswer(v: unknown): { message: string; project: ProjectName } | null {
  if (!isObject(v) || v.status !== 'confirmation-sent' || !isText(v.message)) return null;
  const project = asProjectName(v.project);
  return project ? { message: v.message, project } : null;
}

export function asChangeAnswer(v: unknown): { status: 'confirmed' | 'unsubscribed'; project: ProjectName } | null {
  if (!isObject(v) || (v.status !== 'confirmed' && v.status !== 'unsubscribed')) return null;
  const project = asProjectName(v.project);
  return project ? { status: v.status, project } : null;
}

export function requestSubscription(slug: string, email: string) {
  return callApi(asSubscriptionAnswer, fillPath(PROJECT_SUBSCRIPTIONS_PATH, { slug }), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
}

export type SubscriptionAction = 'confirm' | 'unsubscribe';

export function changeSubscription(
  action: SubscriptionAction,
  id: string,
  token: string,
): Promise<ApiResult<{ status: 'confirmed' | 'unsubscribed'; project: ProjectName }>> {
  const path = action === 'confirm' ? SUBSCRIPTION_CONFIRM_PATH : SUBSCRIPTION_UNSUBSCRIBE_PATH;
  return callApi(asChangeAnswer, `${fillPath(path, { id })}?token=${encodeURIComponent(token)}`, { method: 'POST' });
}
