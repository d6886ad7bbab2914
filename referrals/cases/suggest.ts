import { donationEligibility } from '../../content/rules/eligibility.ts';
import type { IsoDate } from '../../content/schemas/common.ts';
import { labelOf, SERVICE_TYPES, TARGET_GROUPS } from '../../content/schemas/taxonomy.ts';
import type { Snapshot } from '../../content/snapshot/snapshot-schema.ts';

export interface Suggestion {
  charitySlug: string;
  charityName: string;
  projectSlug: string;
  projectTitle: string;
  score: number;
  reason: string;
}

/**
 * Charities to refer a household to: those with an active, eligible project (content/rules/
 * eligibility.ts — the rule every page and the donations API use; a referral moves no money, so
 * the merchant is not asked about) in the household's county, prefecture or province that serves
 * its target group or offers the service it needs. Best first: the nearer the project and the more
 * it matches, the higher; each charity once, with its best project and the reason in words.
 */
export function suggestCharities(
  snapshot: Pick<Snapshot, 'projects' | 'charities'>,
  need: { countyCode: string; targetGroup: string; serviceType: string | null },
  today: IsoDate,
): Suggestion[] {
  const charities = new Map(snapshot.charities.map((c) => [c.slug, c]));
  const prefecture = `${need.countyCode.slice(0, 4)}00`;
  const province = `${need.countyCode.slice(0, 2)}0000`;
  const best = new Map<string, Suggestion>();
  for (const project of snapshot.projects) {
    const charity = charities.get(project.charity);
    if (!charity) continue;
    if (!donationEligibility({ project, charity, today, merchantConfigured: true }).eligible) continue;
    const place = placeMatch(project.regions, need.countyCode, prefecture, province);
    if (!place) continue;
    const group = project.targetGroups.includes(need.targetGroup as never);
    const service = need.serviceType !== null && project.serviceTypes.includes(need.serviceType as never);
    if (!group && !service) continue;
    const score = place.score * 10 + (group ? 4 : 0) + (service ? 2 : 0);
    const reason = [
      place.words,
      group ? `帮扶对象含${labelOf(TARGET_GROUPS, need.targetGroup)}` : null,
      service && need.serviceType ? `提供${labelOf(SERVICE_TYPES, need.serviceType)}` : null,
    ]
      .filter(Boolean)
      .join('；');
    const candidate = {
      charitySlug: charity.slug,
      charityName: charity.name,
      projectSlug: project.slug,
      projectTitle: project.title,
      score,
      reason,
    };
    const known = best.get(charity.slug);
    if (!known || known.score < score) best.set(charity.slug, candidate);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.charityName.localeCompare(b.charityName, 'zh'));
}

function placeMatch(
  regions: readonly { code: string; name: string }[],
  county: string,
  prefecture: string,
  province: string,
): { score: number; words: string } | null {
  let found: { score: number; words: string } | null = null;
  for (const r of regions) {
    const m =
      r.code === county
        ? { score: 3, words: `在本县（${r.name}）实施` }
        : r.code === prefecture
          ? { score: 2, words: `覆盖本市（${r.name}）` }
          : r.code === province
            ? { score: 1, words: `覆盖全省（${r.name}）` }
            : null;
    if (m && (!found || m.score > found.score)) found = m;
  }
  return found;
}
