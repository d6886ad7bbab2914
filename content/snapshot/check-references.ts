import type { ContentIssue } from '../errors.ts';
import { poolAgainstCampaign } from '../rules/match-rule.ts';
import { COLLECTION_LABELS, type CollectionName, type Snapshot } from './snapshot-schema.ts';
import { runSteps, runStepsSliced, type Steps, type TimeSlicer } from './steps.ts';

/**
 * Every slug is unique within its collection and every reference points at an entry that is in
 * the snapshot: a published project whose charity is unpublished is an error, not a blank.
 *
 * The rules are written once, as a generator that yields after each entry; `checkReferences`
 * runs it in one go, `checkReferencesSliced` with a pause whenever the slice is used up (at
 * scale the whole check is a 40–130 ms block, too long for the portal's event loop).
 */
function* referenceChecks(s: Snapshot, issues: ContentIssue[]): Steps<void> {
  const sets = {} as Record<CollectionName, Set<string>>;
  for (const name of Object.keys(COLLECTION_LABELS) as CollectionName[]) {
    const seen = new Set<string>();
    for (const [index, item] of s[name].entries()) {
      if (seen.has(item.slug)) {
        issues.push({
          entry: `${COLLECTION_LABELS[name]} “${item.slug}”（${name}[${index}]）`,
          field: 'slug',
          message: '标识重复',
        });
      }
      seen.add(item.slug);
      yield;
    }
    sets[name] = seen;
  }

  const ref = (
    collection: CollectionName | 'seedConsents',
    index: number,
    slug: string,
    field: string,
    target: CollectionName,
    value: string | null,
  ) => {
    if (value === null || sets[target].has(value)) return;
    const label = collection === 'seedConsents' ? '案例同意记录' : COLLECTION_LABELS[collection];
    issues.push({
      entry: `${label} “${slug}”（${collection}[${index}]）`,
      field,
      message: `引用的${COLLECTION_LABELS[target]} “${value}” 不存在或未发布`,
    });
  };

  for (const [i, p] of s.projects.entries()) {
    ref('projects', i, p.slug, 'charity', 'charities', p.charity);
    for (const [j, n] of p.needs.entries()) ref('projects', i, p.slug, `needs[${j}]`, 'needs', n);
    for (const [j, c] of p.campaigns.entries()) ref('projects', i, p.slug, `campaigns[${j}]`, 'campaigns', c);
    yield;
  }
  for (const [i, d] of s.disclosures.entries()) {
    ref('disclosures', i, d.slug, 'project', 'projects', d.project);
    ref('disclosures', i, d.slug, 'corrects', 'disclosures', d.corrects);
    yield;
  }
  for (const [i, c] of s.caseSummaries.entries()) {
    ref('caseSummaries', i, c.slug, 'project', 'projects', c.project);
    yield;
  }
  for (const [i, t] of s.typicalCases.entries()) {
    for (const [j, p] of t.projects.entries()) ref('typicalCases', i, t.slug, `projects[${j}]`, 'projects', p);
    for (const [j, c] of t.charities.entries()) ref('typicalCases', i, t.slug, `charities[${j}]`, 'charities', c);
    yield;
  }
  for (const [i, a] of s.awards.entries()) {
    ref('awards', i, a.slug, 'awardee.charity', 'charities', a.awardee.charity);
    ref('awards', i, a.slug, 'awardee.project', 'projects', a.awardee.project);
    yield;
  }
  // 配捐: its campaign and listed projects exist, its days lie inside the campaign's (issue 18).
  const campaignsOf = new Map(s.projects.map((p) => [p.slug, p.campaigns]));
  for (const [i, m] of s.matchingPools.entries()) {
    const campaign = s.campaigns.find((c) => c.slug === m.campaign);
    for (const issue of poolAgainstCampaign(m, campaign, (p) => campaignsOf.get(p), m.campaign)) {
      issues.push({ entry: `${COLLECTION_LABELS.matchingPools} “${m.slug}”（matchingPools[${i}]）`, ...issue });
    }
    yield;
  }
  for (const [i, c] of s.seedConsents.entries()) {
    ref('seedConsents', i, c.caseSummary, 'caseSummary', 'caseSummaries', c.caseSummary);
    yield;
  }
}

export function checkReferences(s: Snapshot): ContentIssue[] {
  const issues: ContentIssue[] = [];
  runSteps(referenceChecks(s, issues));
  return issues;
}

export async function checkReferencesSliced(s: Snapshot, slicer: TimeSlicer): Promise<ContentIssue[]> {
  const issues: ContentIssue[] = [];
  await runStepsSliced(referenceChecks(s, issues), slicer);
  return issues;
}
