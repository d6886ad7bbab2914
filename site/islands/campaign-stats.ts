import { CAMPAIGN_STATS_PATH, fillPath } from '../../content/contracts/api-routes.ts';
import { type ApiResult, callApi, isFen, isObject, isText } from './api-client.ts';

/**
 * A campaign's live figures as the campaign page reads them (`GET /api/campaigns/{slug}/stats`),
 * checked field by field like every answer of `api-client.ts`.
 */
export interface PoolLive {
  slug: string;
  remainingFen: number;
  allocatedFen: number;
  exhausted: boolean;
}
export interface ProjectLive {
  slug: string;
  raisedFen: number;
  matchedFen: number;
  donationCount: number;
}
export interface TeamLive {
  id: string;
  name: string;
  projectSlug: string;
  raisedFen: number;
  donorCount: number;
  matchedFen: number;
}
export interface CampaignLive {
  pools: PoolLive[];
  projects: ProjectLive[];
  teams: TeamLive[];
}

const list = <T>(v: unknown, item: (x: Record<string, unknown>) => T | null): T[] | null => {
  if (!Array.isArray(v)) return null;
  const out: T[] = [];
  for (const x of v) {
    const parsed = isObject(x) ? item(x) : null;
    if (parsed === null) return null;
    out.push(parsed);
  }
  return out;
};

export function asCampaignLive(v: unknown): CampaignLive | null {
  if (!isObject(v)) return null;
  const pools = list(v.pools, (p) =>
    isText(p.slug) && isFen(p.remainingFen) && isFen(p.allocatedFen) && typeof p.exhausted === 'boolean'
      ? { slug: p.slug, remainingFen: p.remainingFen, allocatedFen: p.allocatedFen, exhausted: p.exhausted }
      : null,
  );
  const projects = list(v.projects, (p) =>
    isText(p.slug) && isFen(p.raisedFen) && isFen(p.matchedFen) && isFen(p.donationCount)
      ? { slug: p.slug, raisedFen: p.raisedFen, matchedFen: p.matchedFen, donationCount: p.donationCount }
      : null,
  );
  const teams = list(v.teams, (t) =>
    isText(t.id) &&
    isText(t.name) &&
    isText(t.projectSlug) &&
    isFen(t.raisedFen) &&
    isFen(t.donorCount) &&
    isFen(t.matchedFen)
      ? {
          id: t.id,
          name: t.name,
          projectSlug: t.projectSlug,
          raisedFen: t.raisedFen,
          donorCount: t.donorCount,
          matchedFen: t.matchedFen,
        }
      : null,
  );
  return pools && projects && teams ? { pools, projects, teams } : null;
}

export function fetchCampaignLive(slug: string): Promise<ApiResult<CampaignLive>> {
  return callApi(asCampaignLive, fillPath(CAMPAIGN_STATS_PATH, { slug }), { cache: 'no-store' });
}
