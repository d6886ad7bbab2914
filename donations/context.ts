import { join } from 'node:path';
import { migrateAfterGift } from './after-gift/migrations.ts';
import { type BuyerRef, buyerRefWith } from './buyer-identifiers.ts';
import type { DonationsConfig } from './config.ts';
import { type Ledger, openLedger } from './ledger/open-ledger.ts';
import { type MailKeys, mailKeysFromConfig } from './mail/mail-keys.ts';
import { migrateMail } from './mail/migrations.ts';
import { registerMatching } from './matching/hook.ts';
import { migrateMatching } from './matching/migrations.ts';
import type { MerchantRegistry } from './merchants/registry.ts';
import { fileMerchantRegistry } from './merchants/registry-file.ts';
import { migrateMonthly } from './monthly/migrations.ts';
import { type NotifyRejectionLog, notifyRejectionLog } from './notify-rejections.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import { ReceiptCipher } from './receipt-cipher.ts';
import { migrateReports } from './reports/migrations.ts';
import { FakeAgreementStore } from './sandbox/fake-alipay-agreement-store.ts';
import { FakeAlipayGateway, type FakeAlipayOptions } from './sandbox/fake-alipay-gateway.ts';
import { FakeAlipayStore } from './sandbox/fake-alipay-store.ts';
import { SandboxKeys } from './sandbox/sandbox-keys.ts';
import { sandboxMerchantRegistry } from './sandbox/sandbox-registry.ts';
import { ExportTokens, secretKey } from './secrets.ts';
import { fileSnapshotSource, type SnapshotSource } from './snapshot-source.ts';
import { migrateTeams } from './teams/migrations.ts';

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
  /** Unverified notifies, as short records at a limited rate (`notify-rejections.ts`). */
  notifyRejections: NotifyRejectionLog;
  /** Reports (举报/投诉) have their own, lower limit per client (reports/handlers.ts). */
  reportRateLimiter: RateLimiter;
  receipts: ReceiptCipher;
  /** Subscriptions (mail/): the address hash and the links' tokens, and their own limit per client. */
  mailKeys: MailKeys;
  mailRateLimiter: RateLimiter;
  /** Keyed hash of Alipay buyer ids (`buyer-identifiers.ts`). */
  buyerRef: BuyerRef;
  exportTokens: ExportTokens;
  /** The fake Alipay server; null when real merchants are configured (sandbox routes answer 404). */
  sandbox: FakeAlipayGateway | null;
  now: () => Date;
  log: (message: string) => void;
  close(): Promise<void>;
}

/** The keyed hash of buyer ids (DONATIONS_HASH_KEY; generated beside the ledger in development only). */
export function buyerRefFromConfig(
  config: Pick<DonationsConfig, 'hashKeyBase64' | 'hashKeyFile' | 'production'>,
): BuyerRef {
  return buyerRefWith(
    secretKey({
      base64: config.hashKeyBase64,
      file: config.hashKeyFile,
      production: config.production,
      variable: 'DONATIONS_HASH_KEY',
    }),
  );
}

export interface ContextOverrides {
  snapshots?: SnapshotSource;
  merchants?: MerchantRegistry;
  rateLimiter?: RateLimiter;
  reportRateLimiter?: RateLimiter;
  mailRateLimiter?: RateLimiter;
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
  // Keys first: in production a missing one stops here, before anything is written.
  const receipts = ReceiptCipher.fromConfig(config);
  const buyerRef = buyerRefFromConfig(config);
  const mailKeys = mailKeysFromConfig(config);
  const ledger = await openLedger(config.ledger, { buyerRef });
  const closers: (() => Promise<void> | void)[] = [() => ledger.close()];
  try {
    await migrateReports(ledger);
    await migrateMatching(ledger);
    await migrateTeams(ledger);
    await migrateAfterGift(ledger);
    await migrateMail(ledger);
    await migrateMonthly(ledger);
    let merchants = overrides.merchants;
    let sandbox: FakeAlipayGateway | null = null;
    if (!merchants && config.merchantsFile) merchants = fileMerchantRegistry(config.merchantsFile);
    if (!merchants || merchants.kind === 'sandbox') {
      const keys = new SandboxKeys(config.sandboxDir);
      merchants ??= sandboxMerchantRegistry(keys, overrides.sandboxGatewayUrl ?? config.sandboxGatewayUrl);
      const store = new FakeAlipayStore(join(config.sandboxDir, 'alipay-trades.db'));
      closers.push(() => store.close());
      const agreements = new FakeAgreementStore(join(config.sandboxDir, 'alipay-agreements.db'));
      closers.push(() => agreements.close());
      const origins = new Set([new URL(config.siteUrl).origin, new URL(config.notifyUrl).origin]);
      sandbox = new FakeAlipayGateway({
        keys,
        store,
        sandboxBaseUrl: `${config.siteUrl}/api/payments/sandbox`,
        allowedOrigins: [...origins],
        deliver: overrides.deliverNotify,
        now,
        agreements,
      });
    }
    const rateLimiter = overrides.rateLimiter ?? createRateLimiter(config.redisUrl, { ...config.rateLimit, log });
    closers.push(() => rateLimiter.close());
    const reportRateLimiter =
      overrides.reportRateLimiter ??
      createRateLimiter(config.redisUrl, { ...config.reports.rateLimit, prefix: 'xianjie:reports:rate:', log });
    closers.push(() => reportRateLimiter.close());
    const mailRateLimiter =
      overrides.mailRateLimiter ??
      createRateLimiter(config.redisUrl, { ...config.mail.rateLimit, prefix: 'xianjie:mail:rate:', log });
    closers.push(() => mailRateLimiter.close());
    const rejectionLimiter = createRateLimiter(config.redisUrl, {
      max: config.notifyRejections.perClient,
      windowSeconds: config.notifyRejections.windowSeconds,
      maxKeys: config.rateLimit.maxKeys,
      prefix: 'xianjie:donations:notify-reject:',
      log,
    });
    closers.push(() => rejectionLimiter.close());
    const snapshots = overrides.snapshots ?? fileSnapshotSource(config.snapshotPath, log);
    // 配捐: a paid gift's match is decided in the transaction that marks it paid (matching/).
    registerMatching(ledger, snapshots);
    return {
      config,
      ledger,
      merchants,
      snapshots,
      rateLimiter,
      notifyRejections: notifyRejectionLog({
        db: ledger.db,
        limiter: rejectionLimiter,
        limits: config.notifyRejections,
        log,
      }),
      reportRateLimiter,
      receipts,
      mailKeys,
      mailRateLimiter,
      buyerRef,
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
