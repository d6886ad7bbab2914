import { join } from 'node:path';
import type { DonationsConfig } from './config.ts';
import { type Ledger, openLedger } from './ledger/open-ledger.ts';
import type { MerchantRegistry } from './merchants/registry.ts';
import { fileMerchantRegistry } from './merchants/registry-file.ts';
import { memoryRateLimiter, type RateLimiter, redisRateLimiter } from './rate-limit.ts';
import { migrateReports } from './reports/migrations.ts';
import { FakeAlipayGateway, type FakeAlipayOptions } from './sandbox/fake-alipay-gateway.ts';
import { FakeAlipayStore } from './sandbox/fake-alipay-store.ts';
import { SandboxKeys } from './sandbox/sandbox-keys.ts';
import { sandboxMerchantRegistry } from './sandbox/sandbox-registry.ts';
import { ExportTokens, ReceiptCipher } from './secrets.ts';
import { fileSnapshotSource, type SnapshotSource } from './snapshot-source.ts';

/**
 * Everything a donations handler needs, built once from the configuration. Handlers take it as
 * their first argument, so tests build their own (temp dirs, a fixed snapshot, a fixed clock).
 */
export interface DonationsContext {
  config: DonationsConfig;
  ledger: Ledger;
  merchants: MerchantRegistry;
  snapshots: SnapshotSource;
  rateLimiter: RateLimiter;
  /** Reports (举报/投诉) have their own, lower limit per client (reports/handlers.ts). */
  reportRateLimiter: RateLimiter;
  receipts: ReceiptCipher;
  exportTokens: ExportTokens;
  /** The fake Alipay server; null when real merchants are configured (sandbox routes answer 404). */
  sandbox: FakeAlipayGateway | null;
  now: () => Date;
  log: (message: string) => void;
  close(): Promise<void>;
}

export interface ContextOverrides {
  snapshots?: SnapshotSource;
  merchants?: MerchantRegistry;
  rateLimiter?: RateLimiter;
  reportRateLimiter?: RateLimiter;
  now?: () => Date;
  log?: (message: string) => void;
  /** How the sandbox delivers notifies (tests call the handler in-process); default HTTP POST. */
  deliverNotify?: FakeAlipayOptions['deliver'];
  /** Gateway URL the sandbox merchants call (e.g. a test server); default `config.sandboxGatewayUrl`. */
  sandboxGatewayUrl?: string;
}

export async function createDonationsContext(
  config: DonationsConfig,
  overrides: ContextOverrides = {},
): Promise<DonationsContext> {
  const log = overrides.log ?? ((m: string) => console.warn(m));
  const now = overrides.now ?? (() => new Date());
  const ledger = await openLedger(config.ledger);
  const closers: (() => Promise<void> | void)[] = [() => ledger.close()];
  try {
    await migrateReports(ledger);
    let merchants = overrides.merchants;
    let sandbox: FakeAlipayGateway | null = null;
    if (!merchants && config.merchantsFile) merchants = fileMerchantRegistry(config.merchantsFile);
    if (!merchants || merchants.kind === 'sandbox') {
      const keys = new SandboxKeys(config.sandboxDir);
      merchants ??= sandboxMerchantRegistry(keys, overrides.sandboxGatewayUrl ?? config.sandboxGatewayUrl);
      const store = new FakeAlipayStore(join(config.sandboxDir, 'alipay-trades.db'));
      closers.push(() => store.close());
      const origins = new Set([new URL(config.siteUrl).origin, new URL(config.notifyUrl).origin]);
      sandbox = new FakeAlipayGateway({
        keys,
        store,
        sandboxBaseUrl: `${config.siteUrl}/api/payments/sandbox`,
        allowedOrigins: [...origins],
        deliver: overrides.deliverNotify,
        now,
      });
    }
    // One process-wide limiter per purpose, shared through Redis when configured.
    const limiter = (options: DonationsConfig['rateLimit'], prefix?: string) =>
      config.redisUrl
        ? redisRateLimiter(config.redisUrl, { ...options, log, ...(prefix ? { prefix } : {}) })
        : memoryRateLimiter(options);
    const rateLimiter = overrides.rateLimiter ?? limiter(config.rateLimit);
    closers.push(() => rateLimiter.close());
    const reportRateLimiter = overrides.reportRateLimiter ?? limiter(config.reports.rateLimit, 'xianjie:reports:rate:');
    closers.push(() => reportRateLimiter.close());
    return {
      config,
      ledger,
      merchants,
      snapshots: overrides.snapshots ?? fileSnapshotSource(config.snapshotPath, log),
      rateLimiter,
      reportRateLimiter,
      receipts: ReceiptCipher.fromConfig(config.receiptKeyBase64, config.receiptKeyFile),
      exportTokens: new ExportTokens(config.exportTokensFile),
      sandbox,
      now,
      log,
      async close() {
        for (const close of closers.reverse()) await close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close();
    throw error;
  }
}
