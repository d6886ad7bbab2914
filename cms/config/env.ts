import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { demoSnapshotPath, resolveDataDir, z } from '../src/lib/content.ts';

/**
 * The ONE place the CMS reads its environment. Every config file and bootstrap step calls
 * `loadEnv()`; nothing else touches `process.env`. It is parsed afresh on each call (cheap) because
 * Strapi caches required config modules: tests boot several Strapi instances in one process with
 * different env (SQLite, then PostgreSQL), and a module-level constant would pin the first one.
 *
 * Not a Strapi config: this file has no default export, so Strapi's config loader (which loads every
 * `config/*.js`) records `config.env` as undefined and nothing more.
 */

/** The repository root: the nearest ancestor holding `content/index.ts` (works from cms/config and cms/dist/config). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'content', 'index.ts')) && existsSync(join(dir, 'cms', 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`找不到仓库根目录（从 ${__dirname} 向上查找 content/index.ts）`);
    dir = parent;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === undefined || v === 'on' || v === 'true' || v === '1');

/** Like `onOff`, but off unless set. */
const offOn = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const envSchema = z.object({
  NODE_ENV: optionalText,
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(1337),
  /** PostgreSQL when set (`postgres://user@host:5432/db`), SQLite at `<data>/cms/data.db` otherwise. */
  DATABASE_URL: optionalText.pipe(z.url({ message: 'DATABASE_URL 应为 postgres:// 连接串' }).optional()),
  DATABASE_SCHEMA: optionalText,
  /** Strapi's log level (winston npm levels); `http` includes one line per request. */
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly']).default('http'),
  PUBLISHER_URL: z.url({ message: 'PUBLISHER_URL 应为网址' }).default('http://127.0.0.1:4321'),
  /** Snapshot imported on first start (no charities yet). */
  XIANJIE_SEED_SNAPSHOT: optionalText,
  /** `off` skips the first-start seed import. */
  XIANJIE_SEED: onOff,
  /** `off` skips creating the demo accounts. */
  XIANJIE_DEMO_ACCOUNTS: onOff,
  /**
   * `on`: start even though admin roles were widened while the CMS ran (which otherwise refuses
   * to start), rewriting our editor roles from roles.ts and dropping other roles' unconditioned
   * permissions on charity-owned types. Set it for one start, after reading the refusal.
   */
  XIANJIE_RESET_ROLES: offOn,
  APP_KEYS: optionalText,
  API_TOKEN_SALT: optionalText,
  ADMIN_JWT_SECRET: optionalText,
  TRANSFER_TOKEN_SALT: optionalText,
  JWT_SECRET: optionalText,
  ENCRYPTION_KEY: optionalText,
  XIANJIE_WEBHOOK_SECRET: optionalText,
  XIANJIE_REPORT_SECRET: optionalText,
});

/** Secrets generated on first run into `<data>/cms/secrets.json` (0600); env vars override. */
const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'XIANJIE_WEBHOOK_SECRET',
  'XIANJIE_REPORT_SECRET',
] as const;
type SecretName = (typeof SECRET_NAMES)[number];

function generateSecret(name: SecretName): string {
  if (name === 'APP_KEYS') return Array.from({ length: 4 }, () => randomBytes(24).toString('base64')).join(',');
  return randomBytes(32).toString('base64');
}

function readSecretsFile(path: string): Partial<Record<SecretName, string>> {
  if (!existsSync(path)) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const record = z.record(z.string(), z.string()).parse(parsed);
  const out: Partial<Record<SecretName, string>> = {};
  for (const name of SECRET_NAMES) if (record[name]) out[name] = record[name];
  return out;
}

/** Reads the secrets file, adds any missing secret, and writes it back atomically with mode 0600. */
function ensureSecrets(path: string): Record<SecretName, string> {
  const stored = readSecretsFile(path);
  const missing = SECRET_NAMES.filter((name) => !stored[name]);
  const all = { ...stored } as Record<SecretName, string>;
  for (const name of missing) all[name] = generateSecret(name);
  if (missing.length > 0) {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, path);
  }
  chmodSync(path, 0o600);
  return all;
}

export interface CmsEnv {
  nodeEnv: string;
  logLevel: string;
  host: string;
  port: number;
  repoRoot: string;
  cmsDir: string;
  dataDir: string;
  database: { client: 'postgres'; url: string; schema: string | undefined } | { client: 'sqlite'; filename: string };
  publisherUrl: string;
  webhookUrl: string;
  seed: { enabled: boolean; snapshotPath: string };
  demoAccounts: { enabled: boolean; path: string };
  resetRoles: boolean;
  secrets: {
    appKeys: string[];
    apiTokenSalt: string;
    adminJwtSecret: string;
    transferTokenSalt: string;
    jwtSecret: string;
    encryptionKey: string;
    webhookSecret: string;
    /** The portal's bearer secret for delivering reports (举报) to `POST /api/reports/intake`. */
    reportSecret: string;
  };
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): CmsEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；');
    throw new Error(`CMS 环境变量无效：${detail}`);
  }
  const e = parsed.data;
  const root = repoRoot();
  // The data directory as every room resolves it (content/node/env.ts).
  const dataDir = resolveDataDir(source, root);
  const stored = ensureSecrets(join(dataDir, 'cms', 'secrets.json'));
  const secret = (name: SecretName): string => e[name] ?? stored[name];
  const publisherUrl = e.PUBLISHER_URL.replace(/\/+$/, '');
  return {
    nodeEnv: e.NODE_ENV ?? 'development',
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    port: e.PORT,
    repoRoot: root,
    cmsDir: join(root, 'cms'),
    dataDir,
    database: e.DATABASE_URL
      ? { client: 'postgres', url: e.DATABASE_URL, schema: e.DATABASE_SCHEMA }
      : { client: 'sqlite', filename: join(dataDir, 'cms', 'data.db') },
    publisherUrl,
    webhookUrl: `${publisherUrl}/webhooks/strapi`,
    seed: {
      enabled: e.XIANJIE_SEED,
      snapshotPath: resolve(root, e.XIANJIE_SEED_SNAPSHOT ?? demoSnapshotPath(dataDir)),
    },
    demoAccounts: { enabled: e.XIANJIE_DEMO_ACCOUNTS, path: join(dataDir, 'cms', 'demo-accounts.json') },
    resetRoles: e.XIANJIE_RESET_ROLES,
    secrets: {
      appKeys: secret('APP_KEYS')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
      apiTokenSalt: secret('API_TOKEN_SALT'),
      adminJwtSecret: secret('ADMIN_JWT_SECRET'),
      transferTokenSalt: secret('TRANSFER_TOKEN_SALT'),
      jwtSecret: secret('JWT_SECRET'),
      encryptionKey: secret('ENCRYPTION_KEY'),
      webhookSecret: secret('XIANJIE_WEBHOOK_SECRET'),
      reportSecret: secret('XIANJIE_REPORT_SECRET'),
    },
  };
}
