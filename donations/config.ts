import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place where donations read their configuration. Everything comes from the environment,
 * parsed and checked here; secrets are never defaulted — they are generated into the data
 * directory on first use (see `secrets.ts`, `sandbox/sandbox-keys.ts`).
 *
 * Paths default to `<cwd>/.data/…`: the API routes run bundled inside `dist/server`, so
 * `import.meta.url` does not point into the repository; the publisher starts us from the root
 * (or sets `XIANJIE_DATA_DIR`).
 */
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const intFromEnv = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z.object({
  XIANJIE_DATA_DIR: optionalText,
  /** The public origin of the site: notify_url and return_url are built from it. */
  XIANJIE_SITE_URL: z.url().default('http://127.0.0.1:4321'),
  /** Override of the notify URL Alipay calls (e.g. a public tunnel in staging). */
  ALIPAY_NOTIFY_URL: z.url().optional(),
  /** Where the browser comes back after paying; `{donationId}` is replaced. Proves nothing (DOMAIN.md §5). */
  DONATION_RETURN_URL: optionalText,
  LEDGER_DATABASE_URL: optionalText,
  DATABASE_URL: optionalText,
  /** PostgreSQL schema that holds the ledger (kept apart from Strapi's tables). */
  LEDGER_PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .default('donations'),
  LEDGER_SQLITE_PATH: optionalText,
  ALIPAY_MERCHANTS_FILE: optionalText,
  /** Published snapshot that eligibility is judged against. */
  DONATIONS_SNAPSHOT: optionalText,
  CONTENT_SOURCE: optionalText,
  REDIS_URL: optionalText,
  /** Comma-separated proxy addresses whose X-Forwarded-For we believe; `loopback` = 127.0.0.1 and ::1. */
  TRUSTED_PROXY: optionalText,
  DONATION_MIN_FEN: intFromEnv(1, 100_000_000_00, 100),
  DONATION_MAX_FEN: intFromEnv(1, 100_000_000_00, 5_000_000),
  DONATION_RATE_LIMIT: intFromEnv(1, 100_000, 20),
  DONATION_RATE_WINDOW_S: intFromEnv(1, 86_400, 60),
  DONATION_BODY_LIMIT_BYTES: intFromEnv(512, 1_048_576, 8_192),
  NOTIFY_BODY_LIMIT_BYTES: intFromEnv(1_024, 1_048_576, 16_384),
  /** How long a buyer has to pay (Alipay `time_expire`). */
  PAY_WINDOW_MINUTES: intFromEnv(1, 1_440, 30),
  /** Pending orders older than this are queried with alipay.trade.query by the reconciliation job. */
  RECONCILE_AFTER_MINUTES: intFromEnv(1, 10_080, 15),
  /** Extra time after `time_expire` before a still-unpaid order is closed. */
  CLOSE_GRACE_MINUTES: intFromEnv(0, 1_440, 10),
  /** base64 of 32 bytes; generated into the data directory when absent. */
  RECEIPT_ENCRYPTION_KEY: optionalText,
  /** Reports (举报/投诉) per client: a person reports a page or two, not dozens. */
  REPORT_RATE_LIMIT: intFromEnv(1, 100_000, 5),
  REPORT_RATE_WINDOW_S: intFromEnv(1, 86_400, 600),
  /** 1,000 Chinese characters are ~9 KB form-encoded. */
  REPORT_BODY_LIMIT_BYTES: intFromEnv(1_024, 1_048_576, 16_384),
});

export type ChannelBounds = { minFen: number; maxFen: number };

export interface DonationsConfig {
  dataDir: string;
  siteUrl: string;
  notifyUrl: string;
  /** Contains `{donationId}`. */
  returnUrlTemplate: string;
  ledger: { kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string; schema: string };
  /** null: no registry configured → the sandbox plays every charity's merchant. */
  merchantsFile: string | null;
  sandboxDir: string;
  /** Base URL of the sandbox's fake Alipay gateway (served by our own API routes). */
  sandboxGatewayUrl: string;
  snapshotPath: string;
  redisUrl: string | null;
  trustedProxies: string[];
  amount: ChannelBounds;
  rateLimit: { max: number; windowSeconds: number };
  bodyLimitBytes: number;
  reports: { rateLimit: { max: number; windowSeconds: number }; bodyLimitBytes: number };
  notifyBodyLimitBytes: number;
  payWindowMinutes: number;
  reconcileAfterMinutes: number;
  closeGraceMinutes: number;
  receiptKeyBase64: string | null;
  /** Files under the data directory holding generated secrets. */
  receiptKeyFile: string;
  exportTokensFile: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment (default `process.env`). Throws `ConfigError` with a Chinese message. */
export function readDonationsConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): DonationsConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`捐赠模块环境变量 ${String(first?.path[0] ?? '')} 无效：${first?.message ?? ''}`);
  }
  const e = parsed.data;
  if (e.DONATION_MIN_FEN > e.DONATION_MAX_FEN) {
    throw new ConfigError('DONATION_MIN_FEN 不能大于 DONATION_MAX_FEN');
  }
  const dataDir = resolve(cwd, e.XIANJIE_DATA_DIR ?? '.data');
  const donationsDir = resolve(dataDir, 'donations');
  const siteUrl = e.XIANJIE_SITE_URL.replace(/\/+$/, '');
  const pgUrl = e.LEDGER_DATABASE_URL ?? e.DATABASE_URL;
  if (pgUrl && !/^postgres(ql)?:\/\//.test(pgUrl)) {
    throw new ConfigError('LEDGER_DATABASE_URL / DATABASE_URL 应为 postgres:// 连接串');
  }
  const defaultMerchants = resolve(donationsDir, 'merchants.json');
  let merchantsFile: string | null = null;
  if (e.ALIPAY_MERCHANTS_FILE) merchantsFile = resolve(cwd, e.ALIPAY_MERCHANTS_FILE);
  else if (existsSyncSafe(defaultMerchants)) merchantsFile = defaultMerchants;

  const contentFile = e.CONTENT_SOURCE?.startsWith('file:') ? e.CONTENT_SOURCE.slice('file:'.length) : undefined;
  const snapshotPath = resolve(cwd, e.DONATIONS_SNAPSHOT ?? contentFile ?? resolve(dataDir, 'snapshots/demo.json'));

  return {
    dataDir,
    siteUrl,
    notifyUrl: e.ALIPAY_NOTIFY_URL ?? `${siteUrl}/api/payments/alipay/notify`,
    returnUrlTemplate: e.DONATION_RETURN_URL ?? `${siteUrl}/donations/result/?id={donationId}`,
    ledger: pgUrl
      ? { kind: 'postgres', connectionString: pgUrl, schema: e.LEDGER_PG_SCHEMA }
      : { kind: 'sqlite', path: resolve(cwd, e.LEDGER_SQLITE_PATH ?? resolve(donationsDir, 'ledger.db')) },
    merchantsFile,
    sandboxDir: resolve(donationsDir, 'sandbox'),
    sandboxGatewayUrl: `${siteUrl}/api/payments/sandbox/gateway`,
    snapshotPath,
    redisUrl: e.REDIS_URL ?? null,
    trustedProxies: parseProxies(e.TRUSTED_PROXY),
    amount: { minFen: e.DONATION_MIN_FEN, maxFen: e.DONATION_MAX_FEN },
    rateLimit: { max: e.DONATION_RATE_LIMIT, windowSeconds: e.DONATION_RATE_WINDOW_S },
    bodyLimitBytes: e.DONATION_BODY_LIMIT_BYTES,
    reports: {
      rateLimit: { max: e.REPORT_RATE_LIMIT, windowSeconds: e.REPORT_RATE_WINDOW_S },
      bodyLimitBytes: e.REPORT_BODY_LIMIT_BYTES,
    },
    notifyBodyLimitBytes: e.NOTIFY_BODY_LIMIT_BYTES,
    payWindowMinutes: e.PAY_WINDOW_MINUTES,
    reconcileAfterMinutes: e.RECONCILE_AFTER_MINUTES,
    closeGraceMinutes: e.CLOSE_GRACE_MINUTES,
    receiptKeyBase64: e.RECEIPT_ENCRYPTION_KEY ?? null,
    receiptKeyFile: resolve(donationsDir, 'receipt-encryption.key'),
    exportTokensFile: resolve(donationsDir, 'export-tokens.json'),
  };
}

function parseProxies(value: string | undefined): string[] {
  if (!value) return [];
  const out = new Set<string>();
  for (const part of value.split(',').map((p) => p.trim())) {
    if (!part) continue;
    if (part === 'loopback') {
      out.add('127.0.0.1');
      out.add('::1');
      out.add('::ffff:127.0.0.1');
    } else out.add(part);
  }
  return [...out];
}

function existsSyncSafe(path: string): boolean {
  try {
    return existsSync(path);
  } catch {
    return false;
  }
}
