import type { Merchant } from './merchant.ts';

/**
 * Where each charity's merchant comes from: a server-side registry file (production) or the
 * sandbox (embedded default). Never from CMS content (DESIGN.md decisions).
 */
export interface MerchantRegistry {
  kind: 'alipay' | 'sandbox';
  /** Whether the charity can take money here (feeds `donationEligibility`'s `merchantConfigured`). */
  isConfigured(charitySlug: string): boolean;
  forCharity(charitySlug: string): Promise<Merchant | null>;
  byAppId(appId: string): Promise<Merchant | null>;
  /** Every merchant known right now (reconciliation). */
  all(): Promise<Merchant[]>;
}
