/**
 * Donations benchmark (issues 4 and 14): orders created per second and notifies handled per second,
 * on SQLite and on PostgreSQL, with p50/p99 latency and server CPU per request, each beside a bare
 * Node HTTP handler and (SQLite) the same-work floor of order creation (`donations/floor.ts`: parse,
 * validate, sign, one insert) measured in the same run, with autocannon over loopback. Target
 * (issue 14): order creation through the production path costs ≤ 2× the floor's CPU per order on
 * SQLite; the run exits non-zero above it, or when a ledger check fails.
 *
 *   npm run bench:donations -- [--connections 10] [--duration 10] [--warmup 2] [--orders 10000]
 *                              [--backends sqlite,postgres] [--servers portal,portal-tsx,node] [--build auto|always|never]
 *
 * Each server runs in its own process (`bench/donations/child.ts`); the load generator runs here.
 * Per database: a temp data directory (SQLite ledger, copied sandbox keys) or a fresh PostgreSQL
 * schema in db `test` (dropped afterwards). The per-IP rate limit is raised out of the way
 * (DONATION_RATE_LIMIT=100000 per 1 s: the limiter still runs, it just never refuses).
 * Results: a table on stdout and `.data/bench/donations-results.json`.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Ledger, openLedger } from '../donations/ledger/open-ledger.ts';
import { SandboxKeys } from '../donations/sandbox/sandbox-keys.ts';
import { buildPrograms } from '../publisher/build/build-programs.ts';
import { bundleServer, type ServerMode, startServer } from './donations/child.ts';
import { demoSnapshot, donationBodies, eligibleTargets } from './donations/fixtures.ts';
import { type LoadSettings, type Measurement, measure } from './donations/load.ts';
import { insertPendingOrders, type NotifyOrder, planNotifyOrders, signedNotifyBodies } from './donations/notifies.ts';
import { type AppServer, type Backend, parseOptions } from './donations/options.ts';
import { ensureReleaseBuild } from './donations/release-build.ts';
import { type Row, resultsTable, verdictLines } from './donations/report.ts';
import { checkNotifiedOrders } from './donations/verify.ts';
import { pgUnavailableReason } from './harness/pg-reachable.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORK = join(ROOT, '.data', 'bench', 'donations');
const RESULTS = join(ROOT, '.data', 'bench', 'donations-results.json');
const PG_URL = process.env.DONATIONS_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Order creation through the portal may cost at most this many times the floor's CPU per order. */
const TARGET_CPU_VS_FLOOR = 2;

const opts = parseOptions(process.argv.slice(2));
const settings: LoadSettings = { connections: opts.connections, durationS: opts.duration, warmupS: opts.warmup };
const started = Date.now();
const say = (line: string) => process.stdout.write(`${line}\n`);
/** A progress line with the seconds since the start. */
const step = (line: string) => say(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

// --- Fixtures: snapshot, bodies, sandbox keys (cached), signed notifies (cached), the build. ----
const { path: snapshotPath, snapshot, today } = await demoSnapshot(WORK);
const targets = eligibleTargets(snapshot, today);
const bodies = donationBodies(targets, 512);
const keyCache = join(WORK, 'sandbox-keys');
const keys = new SandboxKeys(keyCache);
keys.alipayKeys();
for (const charity of new Set(targets.map((t) => t.charity.slug))) keys.merchantFor(charity);
step(
  `演示快照 ${today}：${targets.length} 个项目接受捐赠（${new Set(targets.map((t) => t.charity.slug)).size} 家慈善组织）`,
);

const notifyOrders = new Map<AppServer, NotifyOrder[]>();
const notifyBodies = new Map<AppServer, string[]>();
for (const server of opts.servers) {
  const orders = planNotifyOrders(server, opts.orders, targets, keys);
  step(`准备 ${orders.length} 条已签名的支付通知（${server}；首次运行时签名，之后读缓存）……`);
  notifyOrders.set(server, orders);
  notifyBodies.set(server, await signedNotifyBodies(orders, keys, WORK));
}
const build = opts.servers.some((s) => s.startsWith('portal'))
  ? await ensureReleaseBuild(ROOT, WORK, snapshotPath, opts.build)
  : null;
if (build) step(build.built ? `站点构建完成（${build.seconds.toFixed(1)} s）` : `沿用已有的站点构建：${build.dir}`);
const plainScript = await bundleServer(WORK);
// The portal row runs what `npm start` runs: the programs built for plain node.
const programs = opts.servers.includes('portal') ? await buildPrograms() : null;
if (programs)
  step(programs.built ? `门户程序已构建（${programs.seconds} s）` : `沿用已构建的门户程序：${programs.dir}`);
rmSync(join(WORK, 'logs'), { recursive: true, force: true });
if (opts['cpu-prof']) rmSync(join(WORK, 'profiles'), { recursive: true, force: true });
mkdirSync(join(WORK, 'logs'), { recursive: true });

/**
 * One request before the warm-up: the portal imports the Astro server bundle and opens the
 * donations context (ledger, migrations, snapshot) on its first API request, which takes seconds
 * on a busy machine — a one-off cost of a fresh process, not of handling orders.
 */
async function prime(url: string): Promise<void> {
  const slug = targets[0]?.project.slug ?? 'none';
  const response = await fetch(`${url}/api/projects/${slug}/stats`, { signal: AbortSignal.timeout(120_000) });
  await response.arrayBuffer();
}

// --- One database ------------------------------------------------------------------------------
let cursor = 0;
const nextBody = () => {
  const body = bodies[cursor++ % bodies.length] as string;
  return { body, tag: '' };
};

async function benchBackend(backend: Backend): Promise<Row[]> {
  const rows: Row[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'xianjie-bench-donations-'));
  const schema = `donations_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  cpSync(keyCache, join(dataDir, 'donations', 'sandbox'), { recursive: true });
  if (build) {
    mkdirSync(join(dataDir, 'releases'));
    symlinkSync(build.dir, join(dataDir, 'releases', 'bench'));
    symlinkSync('bench', join(dataDir, 'releases', 'current'));
  }
  const ledgerEnv: Record<string, string> =
    backend === 'sqlite'
      ? { LEDGER_SQLITE_PATH: join(dataDir, 'donations', 'ledger.db'), LEDGER_DATABASE_URL: '', DATABASE_URL: '' }
      : { LEDGER_DATABASE_URL: PG_URL, LEDGER_PG_SCHEMA: schema };
  const env = {
    ...ledgerEnv,
    XIANJIE_DATA_DIR: dataDir,
    DONATIONS_SNAPSHOT: snapshotPath,
    DONATION_RATE_LIMIT: '100000',
    DONATION_RATE_WINDOW_S: '1',
    ALIPAY_MERCHANTS_FILE: '',
    REDIS_URL: '',
    TRUSTED_PROXY: '',
  };
  let ledger: Ledger | null = null;
  try {
    ledger =
      backend === 'sqlite'
        ? await openLedger({ kind: 'sqlite', path: ledgerEnv.LEDGER_SQLITE_PATH as string })
        : await openLedger({ kind: 'postgres', connectionString: PG_URL, schema });
    for (const [server, orders] of notifyOrders) {
      step(`[${backend}] 预建 ${orders.length} 笔待支付订单（${server}）……`);
      await insertPendingOrders(ledger.db, orders);
    }
    const load = async (
      mode: ServerMode,
      op: 'create' | 'notify',
      run: (url: string, cpu: () => number | null) => Promise<Measurement>,
    ) => {
      step(`[${backend}] ${mode} · ${op}：预热 ${settings.warmupS} s + 测量 ${settings.durationS} s……`);
      const server = await startServer(mode, {
        env,
        logFile: join(WORK, 'logs', `${backend}-${mode}-${op}.log`),
        plainScript,
        programsDir: programs?.dir,
        cpuProfDir: opts['cpu-prof'] ? join(WORK, 'profiles', `${backend}-${mode}-${op}`) : undefined,
      });
      let measurement: Measurement | null = null;
      try {
        await prime(server.url);
        measurement = await run(server.url, server.cpuSeconds);
      } finally {
        serverLog = await server.stop();
      }
      return measurement;
    };
    let serverLog = { logLines: 0, abortedLines: 0 };
    const createSpec = (url: string, path: string, cpu: () => number | null, on201?: () => void) => ({
      url,
      path,
      serverCpuSeconds: cpu,
      contentType: 'application/json',
      next: nextBody,
      succeeded: (status: number) => status === 201,
      onAnswer: (_tag: string, ok: boolean) => {
        if (ok) on201?.();
      },
    });

    const bare = await load('bare', 'create', (url, cpu) => measure(createSpec(url, '/api/donations', cpu), settings));
    rows.push({ backend, server: 'bare', operation: 'bare handler', measurement: bare, ratio: 1, serverLog });
    // The floor writes its own SQLite file; beside a PostgreSQL ledger it would measure another database.
    if (backend === 'sqlite') {
      const floor = await load('floor', 'create', (url, cpu) =>
        measure(createSpec(url, '/api/donations', cpu), settings),
      );
      rows.push({
        backend,
        server: 'floor',
        operation: 'same-work floor',
        measurement: floor,
        ratio: floor.rps / bare.rps,
        serverLog,
      });
    }
    const db = ledger.db;
    const countCreated = async () =>
      Number(
        (
          await db
            .selectFrom('orders')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('out_trade_no', 'not like', 'XJB%')
            .executeTakeFirstOrThrow()
        ).n,
      );

    for (const server of opts.servers) {
      // Every 201 must be a committed order; requests cut off in flight (≤ one per connection at
      // the end of the warm-up and of the run) may have committed without an answer.
      const createCheck = { answered201: 0, ledgerOrders: 0, ok: false };
      const created = await load(server, 'create', async (url, cpu) => {
        const before = await countCreated();
        const m = await measure(
          createSpec(url, '/api/donations', cpu, () => createCheck.answered201++),
          settings,
        );
        createCheck.ledgerOrders = (await countCreated()) - before;
        const extra = createCheck.ledgerOrders - createCheck.answered201;
        createCheck.ok = extra >= 0 && extra <= 2 * settings.connections;
        return m;
      });
      rows.push({
        backend,
        server,
        operation: 'create order',
        measurement: created,
        ratio: created.rps / bare.rps,
        createCheck,
        serverLog,
      });

      const orders = notifyOrders.get(server) as NotifyOrder[];
      const forms = notifyBodies.get(server) as string[];
      let sent = 0;
      const success = new Set<string>();
      const notified = await load(server, 'notify', async (url, cpu) => {
        const m = await measure(
          {
            url,
            serverCpuSeconds: cpu,
            path: '/api/payments/alipay/notify',
            contentType: 'application/x-www-form-urlencoded; charset=utf-8',
            next: () => {
              const i = sent++;
              return { body: forms[i] ?? '', tag: orders[i]?.outTradeNo ?? '' };
            },
            remaining: () => forms.length - sent,
            succeeded: (status, body) => status === 200 && body.trim() === 'success',
            onAnswer: (tag, ok) => {
              if (ok) success.add(tag);
            },
          },
          settings,
        );
        return m;
      });
      // After the server has stopped: a notify the load generator gave up on (timed out) may still
      // be committing on a loaded machine, and the check's counts are separate queries.
      const check = await checkNotifiedOrders(db, orders, sent, success);
      rows.push({
        backend,
        server,
        operation: 'notify',
        measurement: notified,
        ratio: notified.rps / bare.rps,
        check,
        serverLog,
      });
    }
  } finally {
    await ledger?.close();
    if (backend === 'postgres') await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

// --- Run, report, judge ------------------------------------------------------------------------
const rows: Row[] = [];
const skipped: Record<string, string> = {};
for (const backend of opts.backends) {
  if (backend === 'postgres') {
    const problem = await pgUnavailableReason(PG_URL);
    if (problem) {
      skipped.postgres = problem;
      say(`跳过 PostgreSQL 各行：${skipped.postgres}`);
      continue;
    }
  }
  rows.push(...(await benchBackend(backend)));
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}，Node ${process.version}`;
say(`\n${machine}；${opts.connections} 个连接，每行预热 ${opts.warmup} s、测量 ${opts.duration} s\n`);
say(resultsTable(rows));
if (rows.some((r) => r.measurement.exhausted)) say('* 预建订单在测量结束前用完（--orders 加大可避免）');
const verdict = verdictLines(rows, TARGET_CPU_VS_FLOOR, join(WORK, 'logs'));
for (const line of verdict.lines) say(line);
say(`总用时 ${((Date.now() - started) / 1000).toFixed(0)} s`);
mkdirSync(join(ROOT, '.data', 'bench'), { recursive: true });
await writeFile(
  RESULTS,
  JSON.stringify(
    { at: new Date().toISOString(), machine, options: opts, targets: targets.length, skipped, rows },
    null,
    2,
  ),
);
say(`结果已写入 ${RESULTS}`);
if (verdict.failed) process.exitCode = 1;
