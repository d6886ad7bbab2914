/**
 * `content/` — the vocabulary of 衔接: schemas, types and pure rules for everything published.
 * It imports nothing of ours, so every other room (and the CMS bundle) may depend on it.
 */
export * from './errors.ts';
export * from './rules/correction-diff.ts';
export * from './rules/credit-code.ts';
export * from './rules/dates.ts';
export * from './rules/disclosure-schedule.ts';
export * from './rules/eligibility.ts';
export * from './rules/id-number.ts';
export * from './rules/luhn.ts';
export * from './rules/pii-lint.ts';
export * from './rules/publish-lint.ts';
export * from './rules/report-deadline.ts';
export * from './rules/report-stats.ts';
export * from './rules/working-days.ts';
export * from './schemas/assistance-need.ts';
export * from './schemas/award.ts';
export * from './schemas/campaign.ts';
export * from './schemas/case-summary.ts';
export * from './schemas/charity.ts';
export * from './schemas/common.ts';
export * from './schemas/correction.ts';
export * from './schemas/disclosure.ts';
export * from './schemas/page-policy.ts';
export * from './schemas/project.ts';
export * from './schemas/region.ts';
export * from './schemas/report.ts';
export * from './schemas/report-intake.ts';
export * from './schemas/report-request.ts';
export * from './schemas/taxonomy.ts';
export * from './schemas/typical-case.ts';
export * from './snapshot/check-references.ts';
export * from './snapshot/parse-snapshot.ts';
export * from './snapshot/snapshot-schema.ts';
