import {
  buildReferralAggregates,
  ContentError,
  type ReferralAggregates,
  referralFactsSchema,
  type Snapshot,
} from '../../content/index.ts';

/**
 * Where a release gets the workbench's de-identified facts from. After the workbench lands, the
 * source is `referrals/`'s `deidentifiedFacts(db)` (see referral-fact-source.ts); the facts are
 * checked against the contract here, whatever the source, because this is where they cross into
 * what gets published.
 */
export interface ReferralFactSource {
  facts(): Promise<unknown[]>;
}

/** Every region the snapshot names (needs, projects, cases), for the tables' region names. */
function regionNames(snapshot: Snapshot): Map<string, string> {
  const names = new Map<string, string>();
  const regions = [
    ...snapshot.needs.map((n) => n.region),
    ...snapshot.projects.flatMap((p) => p.regions),
    ...snapshot.caseSummaries.map((c) => c.region),
  ];
  for (const region of regions) {
    names.set(region.code, region.name);
    names.set(region.provinceCode, region.province);
  }
  return names;
}

/**
 * facts → the suppressed aggregates a release publishes. Only the output of
 * `buildReferralAggregates` (small cells suppressed) leaves this function; the facts do not.
 * Facts that break the contract stop the release with `REFERRAL_FACTS_INVALID`.
 */
export function referralAggregatesFor(facts: unknown[], snapshot: Snapshot): ReferralAggregates {
  const parsed = referralFactsSchema.safeParse(facts);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({
      entry: `转介事实[${String(i.path[0] ?? '')}]`,
      field: i.path.slice(1).join('.'),
      message: i.message,
    }));
    throw new ContentError(
      'REFERRAL_FACTS_INVALID',
      `工作台提供的去标识转介事实不符合约定（content/contracts/referral-facts.ts），共 ${parsed.error.issues.length} 处问题：`,
      issues,
    );
  }
  const names = regionNames(snapshot);
  return buildReferralAggregates(parsed.data, snapshot.asOf, (code) => names.get(code));
}

/**
 * The snapshot a release builds from: with a source, its aggregates replace whatever the pulled
 * snapshot carried; without one (no workbench configured), a file snapshot keeps its own (the
 * demo's), and a CMS pull has none.
 */
export async function withReferralAggregates(snapshot: Snapshot, source: ReferralFactSource | null): Promise<Snapshot> {
  if (!source) return snapshot;
  return { ...snapshot, referralAggregates: referralAggregatesFor(await source.facts(), snapshot) };
}
