import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ContentError } from '../content/errors.ts';
import { resolveDataDir } from '../content/node/index.ts';
import { parseSnapshot } from '../content/snapshot/parse-snapshot.ts';
import { generateSnapshot, snapshotCounts } from './generate.ts';
import { type DatasetSize, DEFAULT_SEED, parseGenerateOptions } from './options.ts';

/**
 * `tsx datasets/cli.ts demo|scale [--seed N] [--as-of YYYY-MM-DD] [--out path]`
 * Generates the dataset, validates it with `parseSnapshot`, and writes it atomically
 * (temp file + rename). Default output: `<data>/snapshots/<size>.json`, where `<data>` is the data
 * directory every room uses (`XIANJIE_DATA_DIR`, else `.data` under the repo root).
 */
const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const USAGE = '用法：tsx datasets/cli.ts demo|scale [--seed 整数] [--as-of YYYY-MM-DD] [--out 输出路径]';

export class CliError extends Error {}

export interface CliArgs {
  size: DatasetSize;
  seed: number | undefined;
  asOf: string | undefined;
  out: string;
}

export function parseCliArgs(
  argv: readonly string[],
  cwd = process.cwd(),
  env: Record<string, string | undefined> = process.env,
): CliArgs {
  let size: string | undefined;
  let seed: string | undefined;
  let asOf: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CliError(`参数 ${flag} 缺少取值`);
      return v;
    };
    if (flag === '--seed') seed = value();
    else if (flag === '--as-of') asOf = value();
    else if (flag === '--out') out = value();
    else if (flag?.startsWith('-')) throw new CliError(`未知参数：${flag}`);
    else if (size === undefined) size = flag;
    else throw new CliError(`多余的参数：${flag}`);
  }
  if (size === undefined) throw new CliError('缺少数据规模：应为 demo 或 scale');
  if (seed !== undefined && !/^\d+$/.test(seed)) throw new CliError(`随机种子（--seed）应为非负整数，收到“${seed}”`);
  try {
    const options = parseGenerateOptions({ size, seed: seed === undefined ? undefined : Number(seed), asOf });
    return {
      size: options.size,
      seed: seed === undefined ? undefined : options.seed,
      asOf: options.asOf,
      out: out ? resolve(cwd, out) : resolve(resolveDataDir(env, REPO_ROOT), 'snapshots', `${options.size}.json`),
    };
  } catch (error) {
    if (error instanceof ContentError) throw new CliError(error.message);
    throw error;
  }
}

function humanSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function run(argv: readonly string[]): number {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`错误：${error.message}\n${USAGE}\n`);
    return 1;
  }
  const started = performance.now();
  const snapshot = generateSnapshot({ size: args.size, seed: args.seed, asOf: args.asOf });
  try {
    parseSnapshot(snapshot, `生成的${args.size}数据`);
  } catch (error) {
    process.stderr.write(`错误：${(error as Error).message}\n`);
    return 1;
  }
  const json = `${JSON.stringify(snapshot, null, args.size === 'demo' ? 2 : undefined)}\n`;
  mkdirSync(dirname(args.out), { recursive: true });
  const temp = `${args.out}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, json);
    renameSync(temp, args.out);
  } catch (error) {
    rmSync(temp, { force: true });
    process.stderr.write(`错误：无法写入 ${args.out}：${(error as Error).message}\n`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const c = snapshotCounts(snapshot);
  const label = args.size === 'demo' ? '演示数据' : '规模测试数据';
  process.stdout.write(
    [
      `已生成${label}（${args.size}，基准日 ${snapshot.asOf}，种子 ${args.seed ?? DEFAULT_SEED}），用时 ${seconds} 秒：`,
      `  慈善组织 ${c.charities} 个，慈善项目 ${c.projects} 个（覆盖 ${c.provinces} 个省级地区）`,
      `  信息公开 ${c.disclosures} 条（支出明细 ${c.expenseLines} 笔），帮扶案例 ${c.caseSummaries} 个（同意记录 ${c.seedConsents} 条）`,
      `  救助需求 ${c.needs} 条，典型案例 ${c.typicalCases} 个，表彰 ${c.awards} 项，专题活动 ${c.campaigns} 个`,
      `已写入 ${args.out}（${humanSize(statSync(args.out).size)}）`,
      '',
    ].join('\n'),
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = run(process.argv.slice(2));
}
