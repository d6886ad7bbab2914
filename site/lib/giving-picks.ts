import { ACCEPTING, listingPath } from './facets.ts';
import { sortedPositions } from './project-sorts.ts';
import type { ProjectView, SiteData } from './site-data.ts';

/**
 * What the home page offers someone who came to give: projects accepting gifts closing soonest,
 * those working in 国家乡村振兴重点帮扶县 (key counties), and the provinces with such projects
 * (each a link to that province's listing of them), all from the build's data.
 */
export interface GivingProvince {
  code: string;
  name: string;
  count: number;
  href: string;
}

export interface GivingPicks {
  /** How many projects accept gifts now. */
  total: number;
  endingSoon: ProjectView[];
  /** Closing soonest first, none of them already in `endingSoon`. */
  keyCounties: ProjectView[];
  provinces: GivingProvince[];
}

const ALL_ACCEPTING = `accepting/${ACCEPTING}`;

export function givingPicks(site: SiteData, perGroup = 3): GivingPicks {
  const ending = sortedPositions(site, ALL_ACCEPTING, 'ending').flatMap((i) => site.projects[i] ?? []);
  const endingSoon = ending.slice(0, perGroup);
  const keyCounties = ending
    .filter((v) => !endingSoon.includes(v) && v.project.regions.some((r) => r.keyCounty))
    .slice(0, perGroup);
  const provinces = [...site.provinces].flatMap(([code, name]) => {
    const count = site.projectCombos.get(`region/${code}/${ALL_ACCEPTING}`)?.length ?? 0;
    return count > 0 ? [{ code, name, count, href: listingPath({ region: code, accepting: ACCEPTING }) }] : [];
  });
  return { total: ending.length, endingSoon, keyCounties, provinces };
}
