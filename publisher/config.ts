import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type ContentSource, parseContentSource } from '../content/index.ts';
import { appRoot, demoSnapshotPath, readEnv, resolveDataDir } from '../content/node/index.ts';
import { readClientLimits } from '../donations/index.ts';
import { readOrCreateToken } from './status-token.ts';

/** The repository (app) root: every path the portal uses is resolved from here, not from the cwd. */
export const REPO_ROOT = appRoot();

/**
 * The publisher's environment, read in this one place through content/node's typed reader. The
 * data directory (`XIANJIE_DATA_DIR`) is resolved there, as for every room; keep it inside the
 * app folder: a release's server bundle imports packages from the app's node_modules.
 */
const envSchema = z.object({
  /** The portal (site + API) listens here (DESIGN.md: 127.0.0.1:4321). */
  PUBLISHER_HOST: z.string().min(1).default('127.0.0.1'),
  /** @default 4321 */
  PUBLISHER_PORT: z.coerce.number().int().min(0).max(65535).default(4321),
  /**
   * Strapi's base URL, for the snapshot pull and the health check; `npm start` also makes the CMS
   * child listen there (its HOST and PORT). @default http://127.0.0.1:1337
   */
  STRAPI_URL: z.url().default('http://127.0.0.1:1337'),
  /** A Content API token for the pull, when the public role cannot read published entries. */
  STRAPI_TOKEN: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  /**
   * The site's public origin (canonical URLs, Alipay notify/return URLs); read here only to give
   * the build and the donations API a default that matches where the portal listens.
   */
  XIANJIE_SITE_URL: z.url().optional(),
  /**
   * Where releases take their content: `strapi` (pull published entries over REST) or
   * `file:<path>` (a snapshot file, e.g. the demo dataset). @default strapi
   */
  CONTENT_SOURCE: z
    .string()
    .default('strapi')
    .refine((v) => v.trim() === 'strapi' || /^file:.+/.test(v.trim()), { message: '应为 strapi 或 file:<路径>' }),
  /** Quiet time after the last CMS event before a rebuild starts, in ms. @default 1500 */
  REBUILD_DEBOUNCE_MS: z.coerce.number().int().min(0).max(600_000).default(1500),
  /** Releases kept for rollback. @default 5 */
  RELEASES_KEEP: z.coerce.number().int().min(2).max(100).default(5),
  /** Shared secret of Strapi's webhook; read from the CMS's generated secrets file when unset. */
  XIANJIE_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** The portal's secret for delivering reports (举报) to the CMS; read from the CMS's secrets file when unset. */
  XIANJIE_REPORT_SECRET: z.string().min(16).optional(),
  /** How often the report outbox looks for reports to deliver to the CMS, in ms. @default 3000 */
  REPORT_DELIVERY_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
  /**
   * The CMS holds the generated demo dataset (the embedded default seeds it), so every page shows
   * the 示例数据 notice. Set to 0 once the CMS holds real content. @default 1
   */
  XIANJIE_DEMO_CONTENT: z.enum(['0', '1']).default('1'),
  /**
   * Bearer token for the full `/_publisher/status` from outside this machine (at least 32
   * characters). When unset it is generated into `<data>/publisher/status-token` on first use.
   */
  XIANJIE_STATUS_TOKEN: z.string().trim().min(32, { message: '至少 32 个字符' }).optional(),
  /** Server-rendered searches (`/search/results/`) one client may run per window. @default 30 */
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  /** The window of SEARCH_RATE_LIMIT, in seconds. @default 60 */
  SEARCH_RATE_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(60),
  /** How long to wait for the CMS to answer /_health, in seconds (the first start seeds). @default 900 */
  CMS_START_TIMEOUT_S: z.coerce.number().int().min(10).default(900),
});

export interface PublisherConfig extends z.infer<typeof envSchema> {
  /** The data directory, absolute (generated data, databases, releases, secrets). */
  XIANJIE_DATA_DIR: string;
  /** `CONTENT_SOURCE` parsed by the contract every room shares (default `strapi`). */
  contentSource: ContentSource;
  cmsHost: string;
  cmsPort: number;
  /** `XIANJIE_SITE_URL`, or where the portal listens. */
  siteUrl: string;
  releasesKeep: number;
  snapshotPath: string;
  accountsPath: string;
  /** The webhook secret, read when needed: the CMS generates it on its first start. */
  webhookSecret: () => string | null;
  /** The status token: `XIANJIE_STATUS_TOKEN`, or the one generated into the data directory. */
  statusToken: () => string;
  /** The limit on `/search/results/`, with the donations API's client-address rules and Redis. */
  searchRateLimit: {
    max: number;
    windowSeconds: number;
    redisUrl: string | null;
    trustedProxies: string[];
    ipv6PrefixBits: number;
    maxKeys: number;
  };
  /** The report intake secret, read when needed (generated by the CMS like the webhook secret). */
  reportSecret: () => string | null;
}

/** The publisher's configuration, read once from the environment. */
export function readPublisherConfig(env: NodeJS.ProcessEnv = process.env): PublisherConfig {
  const e = readEnv(envSchema, env, '');
  const dataDir = resolveDataDir(env, REPO_ROOT);
  // REDIS_URL, TRUSTED_PROXY and the client-key settings mean the same for every limit in this
  // process: read by the donations API's own reader of just those (nothing else of its config).
  const { redisUrl, trustedProxies, ipv6PrefixBits, maxKeys } = readClientLimits(env);
  let statusToken = e.XIANJIE_STATUS_TOKEN;
  const secretsPath = resolve(dataDir, 'cms/secrets.json');
  return {
    ...e,
    XIANJIE_DATA_DIR: dataDir,
    contentSource: parseContentSource({ ...env, CONTENT_SOURCE: e.CONTENT_SOURCE, STRAPI_URL: e.STRAPI_URL }, 'strapi'),
    cmsHost: new URL(e.STRAPI_URL).hostname.replace(/^\[|\]$/g, ''),
    cmsPort: Number(new URL(e.STRAPI_URL).port || 80),
    siteUrl: (e.XIANJIE_SITE_URL ?? `http://${e.PUBLISHER_HOST}:${e.PUBLISHER_PORT}`).replace(/\/+$/, ''),
    releasesKeep: e.RELEASES_KEEP,
    snapshotPath: demoSnapshotPath(dataDir),
    accountsPath: resolve(dataDir, 'cms/demo-accounts.json'),
    webhookSecret: () => e.XIANJIE_WEBHOOK_SECRET ?? storedCmsSecret(secretsPath, 'XIANJIE_WEBHOOK_SECRET'),
    reportSecret: () => e.XIANJIE_REPORT_SECRET ?? storedCmsSecret(secretsPath, 'XIANJIE_REPORT_SECRET'),
    statusToken: () => {
      statusToken ??= readOrCreateToken(resolve(dataDir, 'publisher/status-token'));
      return statusToken;
    },
    searchRateLimit: {
      max: e.SEARCH_RATE_LIMIT,
      windowSeconds: e.SEARCH_RATE_WINDOW_S,
      redisUrl,
      trustedProxies,
      // The same client key as the donations API: IPv6 clients by prefix, a bounded memory map.
      ipv6PrefixBits,
      maxKeys,
    },
  };
}

/** A secret the CMS generated into its secrets file on first start (cms/config/env.ts), or null. */
function storedCmsSecret(secretsPath: string, name: string): string | null {
  if (!existsSync(secretsPath)) return null;
  const stored = JSON.parse(readFileSync(secretsPath, 'utf8')) as Record<string, unknown>;
  return typeof stored[name] === 'string' ? stored[name] : null;
}
