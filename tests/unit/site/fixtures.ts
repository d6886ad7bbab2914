import type { Snapshot } from '../../../content/index.ts';
import { generateSnapshot } from '../../../datasets/index.ts';
import { buildSiteData, type SiteData } from '../../../site/lib/site-data.ts';

/** A fixed day, so flags and windows do not depend on when the tests run. */
export const AS_OF = '2026-11-27';

let snapshot: Snapshot | null = null;
let site: SiteData | null = null;

/** The generated demo snapshot (fixed seed and day), once per test file. */
export function demoSnapshot(): Snapshot {
  snapshot ??= generateSnapshot({ size: 'demo', asOf: AS_OF });
  return snapshot;
}

export function demoSite(): SiteData {
  site ??= buildSiteData(demoSnapshot());
  return site;
}
