import { todayIso } from '../content/rules/dates.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from '../content/snapshot/snapshot-schema.ts';
import { generateAwards } from './awards.ts';
import { generateCampaigns } from './campaigns.ts';
import { generateCases } from './cases.ts';
import { generateCharities } from './charities.ts';
import { addCorrections } from './corrections.ts';
import { generateDisclosures } from './disclosures.ts';
import { generateMatchingPools } from './matching-pools.ts';
import { finalizeNeeds, generateNeeds } from './needs.ts';
import { type GenerateOptions, parseGenerateOptions, SIZE_PLANS } from './options.ts';
import { generateProjects } from './projects.ts';
import { Rng } from './random.ts';
import { demoReferralAggregates } from './referral-facts.ts';
import { SlugRegistry } from './slugs.ts';
import { generateTypicalCases } from './typical-cases.ts';

export { DEFAULT_SEED, type GenerateOptions, generateOptionsSchema, parseGenerateOptions } from './options.ts';

/**
 * The demo (or scale) dataset as a snapshot: fictional charities, projects, disclosures, cases,
 * needs, typical cases, awards and campaigns over real Chinese regions. A pure function of
 * (size, seed, asOf): every date is placed relative to `asOf` (default: today in Asia/Shanghai),
 * so the demo always has open windows, overdue disclosures and upcoming campaigns.
 * Bad options throw `ContentError` (`GENERATE_OPTIONS_INVALID`) naming the field.
 */
export function generateSnapshot(options: GenerateOptions): Snapshot {
  const { size, seed, asOf: given } = parseGenerateOptions(options);
  const asOf = given ?? todayIso();
  const plan = SIZE_PLANS[size];
  const root = new Rng(seed);

  const charities = generateCharities(root.fork('charities'), asOf, plan.charities, new SlugRegistry());
  const campaigns = generateCampaigns(root.fork('campaigns'), asOf, plan.campaignYears, new SlugRegistry());
  const needDrafts = generateNeeds(root.fork('needs'), asOf, plan.needs, new SlugRegistry());
  const models = generateProjects(root.fork('projects'), {
    asOf,
    count: plan.projects,
    charities,
    needs: needDrafts,
    campaigns,
    slugs: new SlugRegistry(),
  });
  const needs = finalizeNeeds(root.fork('need-status'), needDrafts, asOf);
  const generated = generateDisclosures(root.fork('disclosures'), models, asOf, plan.noteChance);
  const { projects, disclosures } = addCorrections(
    root.fork('corrections'),
    models.map((m) => m.project),
    generated.disclosures,
    asOf,
  );
  const { cases, consents } = generateCases(root.fork('cases'), models, asOf, plan.cases, new SlugRegistry());
  const typicalCases = generateTypicalCases(
    root.fork('typical-cases'),
    models,
    asOf,
    plan.typicalCases,
    new SlugRegistry(),
  );
  const awards = generateAwards(root.fork('awards'), asOf, plan.awards, charities, models, new SlugRegistry());
  const referralAggregates = demoReferralAggregates(root.fork('referrals'), asOf, needDrafts, plan);

  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    // Derived from asOf, not the clock, so the output stays a pure function of the options.
    generatedAt: `${asOf}T00:00:00+08:00`,
    asOf,
    source: size,
    demo: true,
    ...(referralAggregates ? { referralAggregates } : {}),
    charities: charities.map((c) => c.charity),
    projects,
    disclosures,
    caseSummaries: cases,
    needs,
    typicalCases,
    awards,
    campaigns: campaigns.map((c) => c.campaign),
    matchingPools: generateMatchingPools(
      campaigns.map((c) => c.campaign),
      projects,
      asOf,
    ),
    seedConsents: consents,
  };
}

/** Entry counts per collection, for the CLI and benchmarks. */
export function snapshotCounts(s: Snapshot): Record<string, number> {
  return {
    charities: s.charities.length,
    projects: s.projects.length,
    disclosures: s.disclosures.length,
    expenseLines: s.disclosures.reduce((a, d) => a + d.expenses.length, 0),
    caseSummaries: s.caseSummaries.length,
    needs: s.needs.length,
    typicalCases: s.typicalCases.length,
    awards: s.awards.length,
    campaigns: s.campaigns.length,
    seedConsents: s.seedConsents.length,
    provinces: new Set(s.projects.flatMap((p) => p.regions.map((r) => r.provinceCode))).size,
  };
}
