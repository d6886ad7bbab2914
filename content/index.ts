/**
 * `content/` — the vocabulary of 衔接: schemas, types and pure rules for everything published, and
 * the contracts every room shares (request schema and amount bounds, money and date formatting,
 * escaping, the error shape, API paths, the webhook header, `CONTENT_SOURCE`). It imports nothing
 * of ours, so every other room (and the CMS bundle) may depend on it; all of it is browser-safe
 * except `content/node/` (file access and the environment reader), which has its own face.
 */
export * from './contracts/amount-bounds.ts';
export * from './contracts/api-error.ts';
export * from './contracts/api-routes.ts';
export * from './contracts/content-source.ts';
export * from './contracts/donation-request.ts';
export * from './contracts/donor-list.ts';
export * from './contracts/escape.ts';
export * from './contracts/format.ts';
export * from './contracts/merchant-registry.ts';
export * from './contracts/money.ts';
export * from './contracts/my-gifts.ts';
export * from './contracts/pay-qr-image.ts';
export * from './contracts/referral-facts.ts';
export * from './contracts/subscription-request.ts';
export * from './contracts/team-moderation.ts';
export * from './contracts/team-request.ts';
export * from './contracts/webhook.ts';
export * from './contracts/wechat.ts';
export * from './errors.ts';
export * from './rules/campaign-state.ts';
export * from './rules/cause.ts';
export * from './rules/correction-diff.ts';
export * from './rules/credit-code.ts';
export * from './rules/dates.ts';
export * from './rules/disclosure-schedule.ts';
export * from './rules/eligibility.ts';
export * from './rules/id-number.ts';
export * from './rules/luhn.ts';
export * from './rules/match-rule.ts';
export * from './rules/pii-lint.ts';
export * from './rules/project-money.ts';
export * from './rules/publish-lint.ts';
export * from './rules/referral-aggregates.ts';
export * from './rules/report-deadline.ts';
export * from './rules/report-stats.ts';
export * from './rules/small-cell-suppression.ts';
export * from './rules/team-text.ts';
export * from './rules/working-days.ts';
export * from './schemas/assistance-need.ts';
export * from './schemas/award.ts';
export * from './schemas/campaign.ts';
export * from './schemas/case-summary.ts';
export * from './schemas/charity.ts';
export * from './schemas/common.ts';
export * from './schemas/correction.ts';
export * from './schemas/cover-image.ts';
export * from './schemas/disclosure.ts';
export * from './schemas/matching-pool.ts';
export * from './schemas/page-policy.ts';
export * from './schemas/project.ts';
export * from './schemas/referral-aggregates.ts';
export * from './schemas/region.ts';
export * from './schemas/report.ts';
export * from './schemas/report-intake.ts';
export * from './schemas/report-request.ts';
export * from './schemas/taxonomy.ts';
export * from './schemas/typical-case.ts';
export * from './snapshot/check-references.ts';
export * from './snapshot/parse-snapshot.ts';
export * from './snapshot/snapshot-schema.ts';
