import { describe, expect, it } from 'vitest';
import { ContentError, referralAggregatesSchema } from '../../../../content/index.ts';
import { referralAggregatesFor, withReferralAggregates } from '../../../../publisher/referrals/referral-aggregates.ts';
import { FIXTURE_SNAPSHOT } from '../../../support/fixture-snapshot.ts';
import { leakyFacts, REFERRAL_HOUSEHOLD_STRINGS } from '../../../support/fixtures/referral-households.ts';

describe('referralAggregatesFor', () => {
  it('keeps no personal field a source sends along, and publishes no count of 1–4', () => {
    const aggregates = referralAggregatesFor(leakyFacts(), FIXTURE_SNAPSHOT);
    const text = JSON.stringify(aggregates);
    for (const s of REFERRAL_HOUSEHOLD_STRINGS) expect(text).not.toContain(s);
    expect(referralAggregatesSchema.parse(aggregates)).toEqual(aggregates);
    // Five households: every non-zero cell is small, so the tables say "<5" and no number but 0.
    expect(text).toContain('"<5"');
    expect(text).not.toMatch(/"(made|accepted|declined|overdue|helped|reports|assisted|helpedToApply)":[1-4][,}]/);
  });

  it('stops the release on facts that break the contract, naming the entry', () => {
    const bad = leakyFacts().map((f, i) => (i === 2 ? { ...f, acceptedOn: '2026-10-01T10:00:00Z' } : f));
    try {
      referralAggregatesFor(bad, FIXTURE_SNAPSHOT);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).code).toBe('REFERRAL_FACTS_INVALID');
      expect((error as ContentError).issues[0]?.entry).toBe('转介事实[2]');
    }
  });
});

describe('withReferralAggregates', () => {
  it('without a source the snapshot is as it was; with one, its aggregates replace the old', async () => {
    expect(await withReferralAggregates(FIXTURE_SNAPSHOT, null)).toBe(FIXTURE_SNAPSHOT);
    const withFacts = await withReferralAggregates(FIXTURE_SNAPSHOT, { facts: async () => leakyFacts() });
    expect(withFacts.referralAggregates?.asOf).toBe(FIXTURE_SNAPSHOT.asOf);
    expect(
      withFacts.referralAggregates?.rows.find((r) => r.level === 'national' && r.targetGroup === null),
    ).toBeDefined();
  });
});
