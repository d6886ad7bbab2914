import { fillPath, TEAM_PATH } from '../../content/contracts/api-routes.ts';
import { type ApiResult, callApi, isFen, isObject, isText } from './api-client.ts';

/** A team as the team page reads it (`GET /api/teams/{id}`), checked field by field. */
export interface TeamAnswer {
  team: {
    id: string;
    name: string;
    goalFen: number;
    message: string | null;
    leaderName: string;
    status: 'open' | 'closed';
    project: { slug: string; title: string; charity: { name: string } };
    raisedFen: number;
    matchedFen: number;
    donorCount: number;
    giftCount: number;
    supporters: { name: string; amountFen: number; paidOn: string }[];
    anonymousCount: number;
  };
  shareUrl: string;
  shareQr: string;
  matching: { pool: string; sponsor: string; remainingFen: number; exhausted: boolean; rules: string[] } | null;
}

function asTeamAnswer(v: unknown): TeamAnswer | null {
  if (!isObject(v) || !isObject(v.team) || !isText(v.shareUrl) || !isText(v.shareQr)) return null;
  const t = v.team;
  const p = t.project;
  if (!isText(t.id) || !isText(t.name) || !isFen(t.goalFen) || !isFen(t.raisedFen) || !isFen(t.matchedFen)) return null;
  if (!isFen(t.donorCount) || !isFen(t.giftCount) || !isFen(t.anonymousCount) || !isText(t.leaderName)) return null;
  if (!isObject(p) || !isText(p.slug) || !isText(p.title) || !isObject(p.charity) || !isText(p.charity.name))
    return null;
  if (!Array.isArray(t.supporters)) return null;
  const supporters = t.supporters.filter(
    (s): s is { name: string; amountFen: number; paidOn: string } =>
      isObject(s) && isText(s.name) && isFen(s.amountFen) && isText(s.paidOn),
  );
  const m = v.matching;
  const matching =
    isObject(m) && isText(m.pool) && isText(m.sponsor) && isFen(m.remainingFen) && typeof m.exhausted === 'boolean'
      ? {
          pool: m.pool,
          sponsor: m.sponsor,
          remainingFen: m.remainingFen,
          exhausted: m.exhausted,
          rules: Array.isArray(m.rules) ? m.rules.filter(isText) : [],
        }
      : null;
  return {
    team: {
      id: t.id,
      name: t.name,
      goalFen: t.goalFen,
      message: isText(t.message) ? t.message : null,
      leaderName: t.leaderName,
      status: t.status === 'closed' ? 'closed' : 'open',
      project: { slug: p.slug, title: p.title, charity: { name: p.charity.name } },
      raisedFen: t.raisedFen,
      matchedFen: t.matchedFen,
      donorCount: t.donorCount,
      giftCount: t.giftCount,
      supporters,
      anonymousCount: t.anonymousCount,
    },
    shareUrl: v.shareUrl,
    shareQr: v.shareQr,
    matching,
  };
}

export function fetchTeam(id: string): Promise<ApiResult<TeamAnswer>> {
  return callApi(asTeamAnswer, fillPath(TEAM_PATH, { teamId: id }), { cache: 'no-store' });
}

/** The leader's key is kept in this browser (it closes the team); the private link brings it to another. */
export const leaderKeyName = (id: string) => `xianjie-team-leader:${id}`;

/**
 * The leader's private link: the team's share link with the key in the fragment (`#leader=…`),
 * which browsers never send to a server, so it stays out of access logs and Referer headers.
 */
export const leaderLink = (shareUrl: string, key: string) => `${shareUrl}#leader=${key}`;

/** The key a private link carries (the creation answer's base64url key), or null. */
export function leaderKeyFromHash(hash: string): string | null {
  return /^#leader=([A-Za-z0-9_-]{20,200})$/.exec(hash)?.[1] ?? null;
}
