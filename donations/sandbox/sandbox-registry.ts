import { createMerchant, type Merchant } from '../merchants/merchant.ts';
import type { MerchantRegistry } from '../merchants/registry.ts';
import type { SandboxKeys, SandboxMerchantRecord } from './sandbox-keys.ts';

/**
 * The embedded default when no merchant registry is configured: every charity gets a sandbox
 * merchant whose gateway is our own fake Alipay (`fake-alipay-gateway.ts`) and whose Alipay
 * public key is the sandbox's. The production provider and notify code run unchanged on it.
 */
export function sandboxMerchantRegistry(keys: SandboxKeys, gatewayUrl: string): MerchantRegistry {
  const built = new Map<string, Merchant>();
  const toMerchant = (record: SandboxMerchantRecord): Merchant => {
    const known = built.get(record.charitySlug);
    if (known) return known;
    const merchant = createMerchant({
      charitySlug: record.charitySlug,
      appId: record.appId,
      sellerId: record.sellerId,
      privateKey: record.privateKey,
      alipayPublicKey: keys.alipayKeys().publicKey,
      gateway: gatewayUrl,
      sandbox: true,
    });
    built.set(record.charitySlug, merchant);
    return merchant;
  };
  return {
    kind: 'sandbox',
    isConfigured: () => true,
    forCharity: async (charitySlug) => toMerchant(keys.merchantFor(charitySlug)),
    byAppId: async (appId) => {
      const record = keys.merchantByAppId(appId);
      return record ? toMerchant(record) : null;
    },
    all: async () => keys.allMerchants().map(toMerchant),
  };
}
