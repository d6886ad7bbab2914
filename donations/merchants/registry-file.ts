import { readFileSync } from 'node:fs';
import { merchantsFileSchema } from '../../content/index.ts';
import { createMerchant, type Merchant } from './merchant.ts';
import type { MerchantRegistry } from './registry.ts';

/**
 * The production registry: a JSON file the operator writes (never in the CMS, never in git); its
 * shape is a contract (`content/contracts/merchant-registry.ts`) because the site build reads which
 * charities it names.
 */
export function parseMerchantsFile(json: unknown, label = '商户配置'): Merchant[] {
  const parsed = merchantsFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${label}无效：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  const merchants: Merchant[] = [];
  const seen = new Map<string, string>();
  for (const [charitySlug, entry] of Object.entries(parsed.data)) {
    const other = seen.get(entry.appId);
    if (other)
      throw new Error(`${label}无效：${charitySlug} 与 ${other} 使用了同一个 appId，每个慈善组织应有自己的商户`);
    seen.set(entry.appId, charitySlug);
    try {
      merchants.push(createMerchant({ ...entry, charitySlug, sandbox: false }));
    } catch (error) {
      throw new Error(`${label}无效：${charitySlug} 的密钥有误：${(error as Error).message}`);
    }
  }
  return merchants;
}

export function fileMerchantRegistry(path: string): MerchantRegistry {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`无法读取商户配置 ${path}：${(error as Error).message}`);
  }
  return staticMerchantRegistry(parseMerchantsFile(json, `商户配置 ${path} `));
}

export function staticMerchantRegistry(merchants: Merchant[]): MerchantRegistry {
  const byCharity = new Map(merchants.map((m) => [m.charitySlug, m]));
  const byApp = new Map(merchants.map((m) => [m.appId, m]));
  return {
    kind: 'alipay',
    isConfigured: (charitySlug) => byCharity.has(charitySlug),
    forCharity: async (charitySlug) => byCharity.get(charitySlug) ?? null,
    byAppId: async (appId) => byApp.get(appId) ?? null,
    all: async () => merchants,
  };
}
