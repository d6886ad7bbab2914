import { z } from 'zod';

/**
 * Search configuration from the environment, in ONE typed place. Meilisearch is used when
 * `MEILI_HOST` is set; otherwise the portal runs on the embedded Pagefind index alone.
 *
 *   MEILI_HOST                  e.g. http://127.0.0.1:7700
 *   MEILI_ADMIN_KEY             an admin API key (preferred) …
 *   MEILI_MASTER_KEY            … or the master key; either stays on the server
 *   MEILI_INDEX                 index name prefix, default `xianjie` (live index `<prefix>-content`)
 *   MEILI_SEARCH_KEY_TTL_DAYS   lifetime of the browser's search-only key, default 30
 *   MEILI_BATCH_SIZE            documents per indexing task, default 1000
 *   MEILI_TASK_TIMEOUT_MS       how long to wait for one task, default 120000
 */
export interface MeilisearchConfig {
  host: string;
  /** Admin or master key: server side only, never rendered into a page. */
  adminKey: string;
  indexPrefix: string;
  /** The live index the site searches: `<prefix>-content`. */
  indexUid: string;
  searchKeyTtlMs: number;
  batchSize: number;
  taskTimeoutMs: number;
}

export interface SearchConfig {
  /** null when MEILI_HOST is not set: Pagefind only. */
  meilisearch: MeilisearchConfig | null;
}

export class SearchConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchConfigError';
  }
}

const DAY_MS = 86_400_000;
const intFrom = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} 应为 ${min} 到 ${max} 之间的整数，收到“${v}”` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  MEILI_HOST: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim().replace(/\/+$/, '') : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
      message: 'MEILI_HOST 应为 http(s):// 开头的地址，例如 http://127.0.0.1:7700',
    }),
  MEILI_ADMIN_KEY: z.string().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : 'xianjie'))
    .refine((v) => /^[A-Za-z0-9_-]{1,200}$/.test(v), {
      message: 'MEILI_INDEX 只能包含字母、数字、连字符和下划线',
    }),
  MEILI_SEARCH_KEY_TTL_DAYS: intFrom('MEILI_SEARCH_KEY_TTL_DAYS', 1, 365, 30),
  MEILI_BATCH_SIZE: intFrom('MEILI_BATCH_SIZE', 1, 100_000, 1000),
  MEILI_TASK_TIMEOUT_MS: intFrom('MEILI_TASK_TIMEOUT_MS', 1000, 3_600_000, 120_000),
});

/** Reads the search settings; a bad value throws `SearchConfigError` naming the variable. */
export function loadSearchConfig(env: Record<string, string | undefined> = process.env): SearchConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new SearchConfigError(parsed.error.issues.map((i) => i.message).join('；'));
  const e = parsed.data;
  if (!e.MEILI_HOST) return { meilisearch: null };
  const adminKey = e.MEILI_ADMIN_KEY?.trim() || e.MEILI_MASTER_KEY?.trim();
  if (!adminKey) {
    throw new SearchConfigError('已设置 MEILI_HOST，但缺少 MEILI_ADMIN_KEY 或 MEILI_MASTER_KEY（仅在服务器端使用）');
  }
  return {
    meilisearch: {
      host: e.MEILI_HOST,
      adminKey,
      indexPrefix: e.MEILI_INDEX,
      indexUid: `${e.MEILI_INDEX}-content`,
      searchKeyTtlMs: e.MEILI_SEARCH_KEY_TTL_DAYS * DAY_MS,
      batchSize: e.MEILI_BATCH_SIZE,
      taskTimeoutMs: e.MEILI_TASK_TIMEOUT_MS,
    },
  };
}

/** What the browser may know about Meilisearch: host, index and the search-only key — nothing else. */
export interface PublicMeilisearchConfig {
  host: string;
  indexUid: string;
  apiKey: string;
  expiresAt: string | null;
}
