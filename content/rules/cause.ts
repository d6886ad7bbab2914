import type { Project } from '../schemas/project.ts';
import { regionLevelOf } from '../schemas/region.ts';
import type { TargetGroup } from '../schemas/taxonomy.ts';

/**
 * Whether a project serves a cause (a target group and/or a region): the rule the donations API
 * routes a cause-donation by (donations/routing.ts) and the needs pages offer a cause form by, so
 * the page never offers a cause the API would answer with NO_ELIGIBLE_PROJECT for lack of a match.
 * A project serves a region inside the asked region or containing it (a province-wide project
 * serves each of its counties).
 */
export interface Cause {
  targetGroup?: TargetGroup;
  region?: string;
}

/** Whether region `outer` (province, prefecture or county code) contains region `inner`. */
export function regionContains(outer: string, inner: string): boolean {
  const level = regionLevelOf(outer);
  if (level === 'province') return inner.slice(0, 2) === outer.slice(0, 2);
  if (level === 'prefecture') return inner.slice(0, 4) === outer.slice(0, 4);
  return inner === outer;
}

export function matchingRegions(project: Project, cause: Cause) {
  const wanted = cause.region;
  if (!wanted) return project.regions;
  return project.regions.filter((r) => regionContains(wanted, r.code) || regionContains(r.code, wanted));
}

export function matchesCause(project: Project, cause: Cause): boolean {
  if (cause.targetGroup && !project.targetGroups.includes(cause.targetGroup)) return false;
  return matchingRegions(project, cause).length > 0;
}
