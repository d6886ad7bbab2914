import { resolve } from 'node:path';
import { z } from 'zod';
import { type AmountBounds, apiPath, parseContentSource } from '../content/index.ts';
import {
  amountBoundsEnv,
  appRoot,
  demoSnapshotPath,
  envInt as intFromEnv,
  merchantsFileOf,
  envText as optionalText,
  readEnv,
  resolveDataDir,
  unsetIfBlank,
} from '../content/node/index.ts';

/**
 * The one place where donations read their configuration, through content/node's typed
 * environment reader (so the data directory, the amount bounds, `CONTENT_SOURCE` and the merchant
 * registry file mean what they mean for every room). Everything comes from the environment,
 * parsed and checked here; secrets are never defaulted. In development they are generated into the
 * data directory on first use (see `secrets.ts`, `sandbox/sandbox-keys.ts`); in production
 * (`production` below) the receipt and hash keys must be given.
 *
 * Relative paths are resolved from the app root (content/node/env.ts says how it is found, also
 * from a release's bundled server).
 */

/** A secret key as base64 of at least 32 bytes (exactly 32 for AES-256). */
const base64Key = (exact: boolean) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return false;
        const n = Buffer.from(v, 'base64').length;
        return exact ? n === 32 : n >= 32;
      },
      { message: exact ? '应为 32 字节密钥的 base64' : '应为至少 32 字节密钥的 base64' },
    );

const keyList = z
  .string()
  .trim()
  .transform((v) =>
    v
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== ''),
  )
  .pipe(z.array(base64Key(true)));

/**
 * How a client is told apart and counted, for every limit in a process (the donations API's, and
 * the publisher's limit on server-rendered search): the publisher reads only this part.
 */
const clientShape = {
  REDIS_URL: optionalText,
  /** Comma-separated proxy addresses whose X-Forwarded-For we believe; `loopback` = 127.0.0.1 and ::1. */
  TRUSTED_PROXY: optionalText,
  /** Rate limits key IPv6 clients by this prefix (one /64 is one subscriber's network). */
  RATE_LIMIT_IPV6_PREFIX: intFromEnv(16, 128, 64),
  /** Most clients the in-memory limiter tracks at once (expired, then oldest, buckets go first). */
  RATE_LIMIT_MAX_KEYS: intFromEnv(100, 10_000_000, 50_000),
};

export interface ClientLimits {
  redisUrl: string | null;
  trustedProxies: string[];
  ipv6PrefixBits: number;
  maxKeys: number;
}

/** Only the client rules (REDIS_URL, TRUSTED_PROXY, RATE_LIMIT_IPV6_PREFIX, RATE_LIMIT_MAX_KEYS). */
export function readClientLimits(env: NodeJS.ProcessEnv = process.env): ClientLimits {
  const e = readEnv(z.object(clientShape), env, '捐赠模块', (message) => new ConfigError(message));
  return {
    redisUrl: e.REDIS_URL ?? null,
    trustedProxies: parseProxies(e.TRUSTED_PROXY),
    ipv6PrefixBits: e.RATE_LIMIT_IPV6_PREFIX,
    maxKeys: e.RATE_LIMIT_MAX_KEYS,
  };
}

const envSchema = z.object({
  ...clientShape,
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
  /** Published snapshot that eligibility is judged against. */
  DONATIONS_SNAPSHOT: optionalText,
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
  /**
   * `production`: secrets must come from the environment (nothing generated beside the ledger).
   * A configured merchant registry (real money) counts as production too.
   */
  XIANJIE_ENV: unsetIfBlank(z.enum(['development', 'production'])),
  /** Unverified notifies recorded per client per window, and in all per window; more are answered but not stored. */
  NOTIFY_REJECT_LOG_LIMIT: intFromEnv(1, 100_000, 20),
  NOTIFY_REJECT_LOG_GLOBAL_LIMIT: intFromEnv(1, 1_000_000, 600),
  NOTIFY_REJECT_WINDOW_S: intFromEnv(1, 86_400, 60),
  /** Unverified-notify records older than this are deleted. */
  NOTIFY_REJECT_RETENTION_DAYS: intFromEnv(1, 3_650, 30),
  /** Orders (and refund requests) per reconciliation run, least recently checked first. */
  RECONCILE_BATCH: intFromEnv(1, 100_000, 500),
  /** After this many failed queries in a row an order leaves reconciliation for review by a person. */
  RECONCILE_MAX_FAILURES: intFromEnv(1, 1_000, 5),
  /** The current receipt key (base64 of 32 bytes): every new ciphertext uses it. */
  RECEIPT_ENCRYPTION_KEY: unsetIfBlank(base64Key(true)),
  /** Earlier receipt keys, comma-separated: they still decrypt, they never encrypt. */
  RECEIPT_ENCRYPTION_PREVIOUS_KEYS: unsetIfBlank(keyList),
  /** Key of the keyed hash that replaces buyer ids in the ledger (base64, ≥ 32 bytes). */
  DONATIONS_HASH_KEY: unsetIfBlank(base64Key(false)),
  /** Reports (举报/投诉) per client: a person reports a page or two, not dozens. */
  REPORT_RATE_LIMIT: intFromEnv(1, 100_000, 5),
  REPORT_RATE_WINDOW_S: intFromEnv(1, 86_400, 600),
  /** 1,000 Chinese characters are ~9 KB form-encoded. */
  REPORT_BODY_LIMIT_BYTES: intFromEnv(1_024, 1_048_576, 16_384),
  /** Gift lookups by number + amount (/my/): per client, and per order or trade number, per window. */
  LOOKUP_RATE_LIMIT: intFromEnv(1, 100_000, 10),
  LOOKUP_NUMBER_LIMIT: intFromEnv(1, 1_000, 5),
  LOOKUP_RATE_WINDOW_S: intFromEnv(1, 86_400, 900),
  /**
   * Mail to subscribers (issue 16 item 5): SMTP in production (`smtp://user:pass@host:587`,
   * `smtps://…:465`); unset, every message is written to the local outbox instead.
   */
  SMTP_URL: unsetIfBlank(
    z
      .string()
      .trim()
      .regex(/^smtps?:\/\/[^\s]+$/, '应为 smtp:// 或 smtps:// 地址'),
  ),
  MAIL_FROM: unsetIfBlank(z.string().trim().min(3).max(200)),
  /** Where the embedded outbox writes one `.eml` per message. @default <data>/outbox */
  MAIL_OUTBOX_DIR: optionalText,
  /** Subscription requests per client per window (each may send a confirmation mail). */
  SUBSCRIBE_RATE_LIMIT: intFromEnv(1, 100_000, 5),
  SUBSCRIBE_RATE_WINDOW_S: intFromEnv(1, 86_400, 600),
  /** How long a confirmation link works. */
  MAIL_CONFIRM_HOURS: intFromEnv(1, 720, 72),
  /** How often the portal empties the mail queue. */
  MAIL_DELIVERY_INTERVAL_MS: intFromEnv(200, 3_600_000, 5_000),
});

export type ChannelBounds = AmountBounds;

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
  rateLimit: { max: number; windowSeconds: number; ipv6PrefixBits: number; maxKeys: number };
  /** Storing unverified notifies: per client and overall per window, and how long records stay. */
  notifyRejections: { perClient: number; overall: number; windowSeconds: number; retentionDays: number };
  bodyLimitBytes: number;
  reports: { rateLimit: DonationsConfig['rateLimit']; bodyLimitBytes: number };
  /** Lookups of a gift by its numbers (after-gift/find-gift.ts): per client and per number. */
  lookups: { rateLimit: DonationsConfig['rateLimit']; perNumber: number };
  mail: {
    /** null: the embedded outbox (`outboxDir`, one `.eml` per message). */
    smtpUrl: string | null;
    outboxDir: string;
    from: string;
    rateLimit: DonationsConfig['rateLimit'];
    confirmHours: number;
    deliveryIntervalMs: number;
  };
  notifyBodyLimitBytes: number;
  payWindowMinutes: number;
  reconcileAfterMinutes: number;
  closeGraceMinutes: number;
  reconcileBatch: number;
  reconcileMaxFailures: number;
  /**
   * True with XIANJIE_ENV=production or a real merchant registry: the receipt key and the hash
   * key must then come from the environment (`secrets.ts` refuses to generate them).
   */
  production: boolean;
  receiptKeyBase64: string | null;
  previousReceiptKeysBase64: string[];
  hashKeyBase64: string | null;
  /** Files under the data directory holding generated secrets (development only for the keys). */
  receiptKeyFile: string;
  hashKeyFile: string;
  exportTokensFile: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment (default `process.env`). Throws `ConfigError` with a Chinese message. */
export function readDonationsConfig(env: NodeJS.ProcessEnv = process.env, root = appRoot()): DonationsConfig {
  const fail = (message: string) => new ConfigError(message);
  const e = readEnv(envSchema, env, '捐赠模块', fail);
  const bounds = readEnv(amountBoundsEnv, env, '捐赠模块', fail);
  let contentSource: ReturnType<typeof parseContentSource>;
  try {
    contentSource = parseContentSource(env, 'strapi');
  } catch (error) {
    throw fail((error as Error).message);
  }
  const dataDir = resolveDataDir(env, root);
  const donationsDir = resolve(dataDir, 'donations');
  const siteUrl = e.XIANJIE_SITE_URL.replace(/\/+$/, '');
  const pgUrl = e.LEDGER_DATABASE_URL ?? e.DATABASE_URL;
  if (pgUrl && !/^postgres(ql)?:\/\//.test(pgUrl)) {
    throw new ConfigError('LEDGER_DATABASE_URL / DATABASE_URL 应为 postgres:// 连接串');
  }
  const merchantsFile = merchantsFileOf(env, root);
  const contentFile = contentSource.kind === 'file' ? contentSource.path : undefined;
  const snapshotPath = resolve(root, e.DONATIONS_SNAPSHOT ?? contentFile ?? demoSnapshotPath(dataDir));

  return {
    dataDir,
    siteUrl,
    notifyUrl: e.ALIPAY_NOTIFY_URL ?? `${siteUrl}${apiPath('alipayNotify')}`,
    returnUrlTemplate: e.DONATION_RETURN_URL ?? `${siteUrl}/donations/result/?id={donationId}`,
    ledger: pgUrl
      ? { kind: 'postgres', connectionString: pgUrl, schema: e.LEDGER_PG_SCHEMA }
      : { kind: 'sqlite', path: resolve(root, e.LEDGER_SQLITE_PATH ?? resolve(donationsDir, 'ledger.db')) },
    merchantsFile,
    sandboxDir: resolve(donationsDir, 'sandbox'),
    sandboxGatewayUrl: `${siteUrl}${apiPath('sandboxGateway')}`,
    snapshotPath,
    redisUrl: e.REDIS_URL ?? null,
    trustedProxies: parseProxies(e.TRUSTED_PROXY),
    amount: { minFen: bounds.DONATION_MIN_FEN, maxFen: bounds.DONATION_MAX_FEN },
    rateLimit: {
      max: e.DONATION_RATE_LIMIT,
      windowSeconds: e.DONATION_RATE_WINDOW_S,
      ipv6PrefixBits: e.RATE_LIMIT_IPV6_PREFIX,
      maxKeys: e.RATE_LIMIT_MAX_KEYS,
    },
    notifyRejections: {
      perClient: e.NOTIFY_REJECT_LOG_LIMIT,
      overall: e.NOTIFY_REJECT_LOG_GLOBAL_LIMIT,
      windowSeconds: e.NOTIFY_REJECT_WINDOW_S,
      retentionDays: e.NOTIFY_REJECT_RETENTION_DAYS,
    },
    bodyLimitBytes: e.DONATION_BODY_LIMIT_BYTES,
    reports: {
      rateLimit: {
        max: e.REPORT_RATE_LIMIT,
        windowSeconds: e.REPORT_RATE_WINDOW_S,
        ipv6PrefixBits: e.RATE_LIMIT_IPV6_PREFIX,
        maxKeys: e.RATE_LIMIT_MAX_KEYS,
      },
      bodyLimitBytes: e.REPORT_BODY_LIMIT_BYTES,
    },
    lookups: {
      rateLimit: {
        max: e.LOOKUP_RATE_LIMIT,
        windowSeconds: e.LOOKUP_RATE_WINDOW_S,
        ipv6PrefixBits: e.RATE_LIMIT_IPV6_PREFIX,
        maxKeys: e.RATE_LIMIT_MAX_KEYS,
      },
      perNumber: e.LOOKUP_NUMBER_LIMIT,
    },
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      outboxDir: resolve(root, e.MAIL_OUTBOX_DIR ?? resolve(dataDir, 'outbox')),
      from: e.MAIL_FROM ?? '衔接 <noreply@xianjie.localhost>',
      rateLimit: {
        max: e.SUBSCRIBE_RATE_LIMIT,
        windowSeconds: e.SUBSCRIBE_RATE_WINDOW_S,
        ipv6PrefixBits: e.RATE_LIMIT_IPV6_PREFIX,
        maxKeys: e.RATE_LIMIT_MAX_KEYS,
      },
      confirmHours: e.MAIL_CONFIRM_HOURS,
      deliveryIntervalMs: e.MAIL_DELIVERY_INTERVAL_MS,
    },
    notifyBodyLimitBytes: e.NOTIFY_BODY_LIMIT_BYTES,
    payWindowMinutes: e.PAY_WINDOW_MINUTES,
    reconcileAfterMinutes: e.RECONCILE_AFTER_MINUTES,
    closeGraceMinutes: e.CLOSE_GRACE_MINUTES,
    reconcileBatch: e.RECONCILE_BATCH,
    reconcileMaxFailures: e.RECONCILE_MAX_FAILURES,
    production: e.XIANJIE_ENV === 'production' || merchantsFile !== null,
    receiptKeyBase64: e.RECEIPT_ENCRYPTION_KEY ?? null,
    previousReceiptKeysBase64: e.RECEIPT_ENCRYPTION_PREVIOUS_KEYS ?? [],
    hashKeyBase64: e.DONATIONS_HASH_KEY ?? null,
    receiptKeyFile: resolve(donationsDir, 'receipt-encryption.key'),
    hashKeyFile: resolve(donationsDir, 'hash.key'),
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
