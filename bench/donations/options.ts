import { z } from 'zod';

/**
 * Flags of `bench/donations.ts`:
 *   --connections N   concurrent connections (10)
 *   --duration S      seconds measured per row (10)
 *   --warmup S        seconds of warm-up before each row, not counted (2)
 *   --orders N        pending orders pre-created per server for the notify rows (10000)
 *   --backends LIST   sqlite,postgres
 *   --servers LIST    portal,portal-tsx,node (portal = what production runs: the built programs under
 *                     plain node; portal-tsx = the same from source under tsx; node = donations/http/node-server.ts)
 *   --build MODE      auto (rebuild when sources are newer) · always · never (reuse the last build)
 *   --cpu-prof        servers write V8 CPU profiles to .data/bench/donations/profiles/
 */
const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(values)).min(1));

const optionsSchema = z.object({
  connections: z.coerce.number().int().min(1).max(1_000).default(10),
  duration: z.coerce.number().int().min(1).max(600).default(10),
  warmup: z.coerce.number().int().min(0).max(60).default(2),
  orders: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  backends: list(['sqlite', 'postgres'] as const).default(['sqlite', 'postgres']),
  servers: list(['portal', 'portal-tsx', 'node'] as const).default(['portal', 'portal-tsx', 'node']),
  build: z.enum(['auto', 'always', 'never']).default('auto'),
  'cpu-prof': z.literal('true').optional(),
});

export type BenchOptions = z.infer<typeof optionsSchema>;
export type Backend = BenchOptions['backends'][number];
export type AppServer = BenchOptions['servers'][number];

export function parseOptions(argv: string[]): BenchOptions {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m?.[1]) throw new Error(`无法识别的参数：${arg}`);
    if (m[1] === 'reuse-build' || m[1] === 'cpu-prof') {
      if (m[1] === 'reuse-build') raw.build = 'never';
      else raw['cpu-prof'] = 'true';
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`参数 --${m[1]} 缺少取值`);
    raw[m[1]] = value;
  }
  const parsed = optionsSchema.strict().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`参数无效：${issue?.path.join('.') || '?'} ${issue?.message ?? ''}`);
  }
  return parsed.data;
}
