import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type AmountBounds, DEFAULT_AMOUNT_BOUNDS } from '../contracts/amount-bounds.ts';

/**
 * The one typed environment reader. Each room reads its configuration in one place (`cms/config/
 * env.ts`, `donations/config.ts`, `publisher/config.ts`, `site/lib/site-env.ts`) with a zod schema
 * built from the pieces here, so the variables every room shares — above all the data directory —
 * mean the same everywhere:
 *
 *   data directory = `XIANJIE_DATA_DIR`, absolute or relative to the app root; `<app root>/.data`
 *                    when unset. The app root is the folder of the `xianjie` package.json
 *                    (`appRoot()` in app-root.ts; the CMS's CommonJS bundle finds it itself).
 */
export type Env = Record<string, string | undefined>;

/** An empty variable counts as unset; surrounding spaces are dropped. */
export const envText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** An integer variable with bounds and a default. */
export const envInt = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** An empty variable counts as unset, for schemas that refuse ''. */
export const unsetIfBlank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/**
 * Parses `env` with `schema`; a bad variable becomes one Chinese sentence naming it, thrown as
 * `fail(sentence)` (each room keeps its own error class).
 */
export function readEnv<S extends z.ZodType>(
  schema: S,
  env: Env,
  room: string,
  fail: (message: string) => Error = (message) => new Error(message),
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw fail(`${room}环境变量 ${String(first?.path[0] ?? '')} 无效：${first?.message ?? ''}`);
}

const dataDirSchema = z.object({ XIANJIE_DATA_DIR: envText });

/** The data directory (see above), absolute. */
export function resolveDataDir(env: Env, root: string): string {
  const { XIANJIE_DATA_DIR } = readEnv(dataDirSchema, env, '');
  return resolve(root, XIANJIE_DATA_DIR ?? '.data');
}

/** Where the demo dataset is written and read when nothing else is said: `<data>/snapshots/demo.json`. */
export function demoSnapshotPath(dataDir: string): string {
  return resolve(dataDir, 'snapshots/demo.json');
}

/** Bounds of one gift, `DONATION_MIN_FEN` / `DONATION_MAX_FEN` (the API enforces them; the build shows them). */
export const amountBoundsEnv = z
  .object({
    DONATION_MIN_FEN: envInt(1, 100_000_000_00, DEFAULT_AMOUNT_BOUNDS.minFen),
    DONATION_MAX_FEN: envInt(1, 100_000_000_00, DEFAULT_AMOUNT_BOUNDS.maxFen),
  })
  .refine((e) => e.DONATION_MIN_FEN <= e.DONATION_MAX_FEN, {
    message: 'DONATION_MIN_FEN 不能大于 DONATION_MAX_FEN',
    path: ['DONATION_MIN_FEN'],
  });

export function readAmountBounds(env: Env, fail?: (message: string) => Error): AmountBounds {
  const e = readEnv(amountBoundsEnv, env, '捐赠金额', fail);
  return { minFen: e.DONATION_MIN_FEN, maxFen: e.DONATION_MAX_FEN };
}

/**
 * The merchant registry file the donations API pays through (`ALIPAY_MERCHANTS_FILE`, or
 * `<data>/donations/merchants.json` when that exists); null when there is none — then the sandbox
 * plays every charity's merchant (DESIGN.md "Sandbox, not mock").
 */
export function merchantsFileOf(env: Env, root: string): string | null {
  const { ALIPAY_MERCHANTS_FILE } = readEnv(z.object({ ALIPAY_MERCHANTS_FILE: envText }), env, '');
  if (ALIPAY_MERCHANTS_FILE) return resolve(root, ALIPAY_MERCHANTS_FILE);
  const fallback = resolve(resolveDataDir(env, root), 'donations/merchants.json');
  try {
    return existsSync(fallback) ? fallback : null;
  } catch {
    return null;
  }
}
