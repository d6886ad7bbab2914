import { readFileSync } from 'node:fs';
import { merchantsFileSchema } from '../contracts/merchant-registry.ts';
import { appRoot } from './app-root.ts';
import { merchantsFileOf } from './env.ts';

/**
 * Which charities have a merchant, for the site build: the pages decide whether to offer the
 * donate form by the same registry the API pays through, so a charity missing from the file shows
 * "尚未开通收款商户" instead of a form the API would refuse. Only the slugs leave this function;
 * the keys stay unparsed here (the API parses them when it signs).
 *
 * `null` means no registry is configured: the sandbox plays every charity's merchant.
 */
export function merchantCharitySlugs(merchantsFile: string | null): ReadonlySet<string> | null {
  if (merchantsFile === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(merchantsFile, 'utf8'));
  } catch (error) {
    throw new Error(`无法读取商户配置 ${merchantsFile}：${(error as Error).message}`);
  }
  const parsed = merchantsFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`商户配置 ${merchantsFile} 无效：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  return new Set(Object.keys(parsed.data));
}

let configured: ReadonlySet<string> | null | undefined;

/**
 * Whether the charity has a payment merchant that pays it directly (Charity Law Art. 27): the rule
 * the site build and the search index program decide "offer a donate form" by, asking the
 * registry the donations API pays through (`merchantsFileOf`), read once per process. With no
 * registry configured the API falls back to its local sandbox (DESIGN.md "Sandbox, not mock"),
 * which serves every charity, so every charity counts as configured.
 */
export function merchantConfigured(charity: { slug: string }): boolean {
  if (configured === undefined) configured = merchantCharitySlugs(merchantsFileOf(process.env, appRoot()));
  return configured === null || configured.has(charity.slug);
}
