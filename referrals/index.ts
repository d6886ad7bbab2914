/**
 * The face of `referrals/` (the 衔接 workbench) for the rooms that may reach it (DESIGN.md "Arrows
 * point one way"): the publisher mounts its pages under /workbench/, seeds its demo accounts on
 * `npm start`, and reads the de-identified facts for the public aggregates. Nothing else of the
 * workbench is imported from outside; no personal data leaves through this face.
 */
import type { ReferralFact } from '../content/contracts/referral-facts.ts';
import { deidentifiedFacts as factsOf } from './cases/facts.ts';
import type { WorkbenchDb } from './db/open-db.ts';

export { type ReferralsConfig, readReferralsConfig } from './config.ts';
export type { WorkbenchDb } from './db/open-db.ts';
export { openWorkbenchDb } from './db/open-db.ts';
export { ensureDemoWorkbench } from './demo/seed-demo.ts';
export { handleWorkbench } from './http/router.ts';
export { ownsWorkbenchPath, serveWorkbench } from './http/serve.ts';
export { openWorkbench, workbench } from './runtime.ts';

/** One de-identified fact per referral or report (content/contracts/referral-facts.ts), for the public aggregates. */
export async function deidentifiedFacts(db: WorkbenchDb, now: Date = new Date()): Promise<ReferralFact[]> {
  return factsOf(db, now);
}
