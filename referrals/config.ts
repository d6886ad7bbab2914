import { resolve } from 'node:path';
import { z } from 'zod';
import { parseContentSource } from '../content/contracts/content-source.ts';
import {
  appRoot,
  demoSnapshotPath,
  envInt,
  envText,
  readEnv,
  resolveDataDir,
  unsetIfBlank,
} from '../content/node/index.ts';

/**
 * The workbench's configuration, read in one place with content/node's typed environment reader.
 * Its tables live in their own database file (SQLite, the embedded default) or their own
 * PostgreSQL schema; the field key comes from the environment in production and is generated into
 * the data directory only in development (a key beside the data it protects protects nothing).
 */
const key32 = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32, {
    message: '应为 32 字节密钥的 base64（例如 openssl rand -base64 32）',
  });

const envSchema = z.object({
  REFERRALS_DATABASE_URL: envText,
  DATABASE_URL: envText,
  REFERRALS_PG_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/)
    .default('referrals'),
  REFERRALS_SQLITE_PATH: envText,
  /** The current field key (base64 of 32 bytes); earlier keys comma-separated still decrypt. */
  REFERRALS_ENCRYPTION_KEY: unsetIfBlank(key32),
  REFERRALS_PREVIOUS_KEYS: envText,
  /** Personal data of a closed referral is erased this many days after it closed. */
  REFERRALS_PURGE_AFTER_DAYS: envInt(1, 3650, 365),
  /** Working days a charity has to accept or decline (民发〔2023〕46号: 及时予以帮扶). */
  REFERRALS_DEADLINE_WORKING_DAYS: envInt(1, 60, 5),
  REFERRALS_SESSION_HOURS: envInt(1, 24 * 30, 12),
  REFERRALS_LOCKOUT_FAILURES: envInt(3, 100, 5),
  REFERRALS_LOCKOUT_MINUTES: envInt(1, 24 * 60, 15),
  XIANJIE_SITE_URL: z.url().default('http://127.0.0.1:4321'),
  XIANJIE_ENV: unsetIfBlank(z.enum(['development', 'production'])),
  DONATIONS_SNAPSHOT: envText,
});

export interface ReferralsConfig {
  dataDir: string;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string; schema: string };
  production: boolean;
  keyBase64: string | null;
  previousKeysBase64: string[];
  keyFile: string;
  demoAccountsFile: string;
  snapshotPath: string;
  siteUrl: string;
  purgeAfterDays: number;
  deadlineWorkingDays: number;
  sessionHours: number;
  lockout: { failures: number; minutes: number };
}

export function readReferralsConfig(env: NodeJS.ProcessEnv = process.env, root = appRoot()): ReferralsConfig {
  const e = readEnv(envSchema, env, '衔接工作台');
  const dataDir = resolveDataDir(env, root);
  const dir = resolve(dataDir, 'referrals');
  const pgUrl = e.REFERRALS_DATABASE_URL ?? e.DATABASE_URL;
  if (pgUrl && !/^postgres(ql)?:\/\//.test(pgUrl)) {
    throw new Error('衔接工作台环境变量 REFERRALS_DATABASE_URL 应为 postgres:// 连接串');
  }
  const previous = (e.REFERRALS_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const k of previous) key32.parse(k);
  const source = parseContentSource(env, 'strapi');
  const contentFile = source.kind === 'file' ? source.path : undefined;
  return {
    dataDir,
    database: pgUrl
      ? { kind: 'postgres', connectionString: pgUrl, schema: e.REFERRALS_PG_SCHEMA }
      : { kind: 'sqlite', path: resolve(root, e.REFERRALS_SQLITE_PATH ?? resolve(dir, 'workbench.db')) },
    production: e.XIANJIE_ENV === 'production',
    keyBase64: e.REFERRALS_ENCRYPTION_KEY ?? null,
    previousKeysBase64: previous,
    keyFile: resolve(dir, 'field-encryption.key'),
    demoAccountsFile: resolve(dir, 'demo-accounts.json'),
    snapshotPath: resolve(root, e.DONATIONS_SNAPSHOT ?? contentFile ?? demoSnapshotPath(dataDir)),
    siteUrl: e.XIANJIE_SITE_URL.replace(/\/+$/, ''),
    purgeAfterDays: e.REFERRALS_PURGE_AFTER_DAYS,
    deadlineWorkingDays: e.REFERRALS_DEADLINE_WORKING_DAYS,
    sessionHours: e.REFERRALS_SESSION_HOURS,
    lockout: { failures: e.REFERRALS_LOCKOUT_FAILURES, minutes: e.REFERRALS_LOCKOUT_MINUTES },
  };
}
