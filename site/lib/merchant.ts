import type { Charity } from '../../content/index.ts';
import { readDonationsConfig } from '../../donations/config.ts';
import { merchantCharitySlugs } from '../../donations/merchants/merchant-slugs.ts';

/**
 * Whether the charity has a payment merchant that pays it directly (Charity Law Art. 27) — the
 * one place pages decide it. It asks the registry the donations API pays through
 * (`ALIPAY_MERCHANTS_FILE`, or `<data>/donations/merchants.json`), read once per build. With no
 * registry configured the API falls back to its local sandbox (DESIGN.md "Sandbox, not mock"),
 * which serves every charity, so every charity counts as configured.
 */
let slugs: ReadonlySet<string> | null | undefined;

export function merchantConfigured(charity: Charity): boolean {
  slugs ??= merchantCharitySlugs(readDonationsConfig().merchantsFile);
  return slugs === null || slugs.has(charity.slug);
}
