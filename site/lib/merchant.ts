import type { Charity } from '../../content/index.ts';

/**
 * Whether the charity has a payment merchant that pays it directly (Charity Law Art. 27).
 * For now every charity counts as having one: with no real merchant configured the donations
 * room falls back to its local sandbox provider (DESIGN.md "Sandbox, not mock"), so the pages
 * show what the donate flow will accept. When the merchant registry lands, ask it here — this is
 * the one place pages decide it.
 */
export function merchantConfigured(_charity: Charity): boolean {
  return true;
}
