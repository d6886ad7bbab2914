import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { pgUnavailableReason } from '../../../bench/harness/pg-reachable.ts';
import type { Snapshot } from '../../../content/index.ts';
import { type DonationsConfig, readDonationsConfig } from '../../../donations/config.ts';
import { createDonationsContext, type DonationsContext } from '../../../donations/context.ts';
import { type RunningServer, serveDonations } from '../../../donations/http/node-server.ts';
import type { LedgerTarget } from '../../../donations/ledger/open-ledger.ts';
import { SandboxKeys } from '../../../donations/sandbox/sandbox-keys.ts';
import { staticSnapshotSource } from '../../../donations/snapshot-source.ts';
import { defaultSnapshot, TEST_NOW } from '../fixtures/donations.ts';

/**
 * A real donations stack for integration tests: a real ledger (SQLite file or a fresh PostgreSQL
 * schema), real RSA keys (sandbox), the fake Alipay gateway and the API served over loopback HTTP.
 */
export const PG_URL = process.env.DONATIONS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const pgReason = await pgUnavailableReason(PG_URL);
if (pgReason) process.stdout.write(`跳过 PostgreSQL 部分：${pgReason}\n`);

export interface Backend {
  name: 'sqlite' | 'postgres';
  skip: string | null;
}

export const BACKENDS: Backend[] = [
  { name: 'sqlite', skip: null },
  { name: 'postgres', skip: pgReason },
];

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/**
 * RSA key generation is slow: every harness copies one set of test-only sandbox keys, kept in a
 * cache folder (inside node_modules, never shipped) and reused across runs.
 */
const KEY_CACHE = resolve(import.meta.dirname, '../../../node_modules/.cache/xianjie-donations-test-keys');
function sandboxKeyTemplate(charities: string[]): string {
  const keyDir = KEY_CACHE;
  const keys = new SandboxKeys(keyDir);
  keys.alipayKeys();
  for (const c of charities) keys.merchantFor(c);
  return keyDir;
}

/** A test clock that moves 1 ms per reading, so events keep their order. */
export class Clock {
  constructor(public current: Date = TEST_NOW) {}
  now = () => {
    const reading = new Date(this.current.getTime());
    this.current = new Date(this.current.getTime() + 1);
    return reading;
  };
  advanceMinutes(minutes: number) {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface Harness {
  ctx: DonationsContext;
  config: DonationsConfig;
  server: RunningServer;
  url: string;
  clock: Clock;
  logs: string[];
  dir: string;
  /** Environment that points a separate process (a script) at this harness's ledger and data. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  snapshot?: Snapshot;
  env?: Record<string, string>;
  /** Replaces the sandbox's HTTP delivery of notifies (e.g. to lose them). */
  deliverNotify?: (url: string, body: string) => Promise<string>;
  /** Where sandbox merchants send gateway calls (default: this harness's server). */
  sandboxGatewayUrl?: string;
}

export async function startHarness(backend: Backend['name'], options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'xianjie-donations-'));
  const snapshot = options.snapshot ?? defaultSnapshot();
  cpSync(sandboxKeyTemplate(snapshot.charities.map((c) => c.slug)), join(dir, 'donations', 'sandbox'), {
    recursive: true,
  });
  let ctx: DonationsContext | null = null;
  const server = await serveDonations(() => {
    if (!ctx) throw new Error('harness not ready');
    return ctx;
  });
  const schema = `donations_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const ledger: LedgerTarget =
    backend === 'sqlite'
      ? { kind: 'sqlite', path: join(dir, 'donations', 'ledger.db') }
      : { kind: 'postgres', connectionString: PG_URL, schema };
  const config = {
    ...readDonationsConfig(
      {
        XIANJIE_DATA_DIR: dir,
        XIANJIE_SITE_URL: server.url,
        DONATION_RATE_LIMIT: '100000',
        ...options.env,
      },
      dir,
    ),
    ledger,
  };
  const clock = new Clock();
  const logs: string[] = [];
  try {
    ctx = await createDonationsContext(config, {
      snapshots: staticSnapshotSource(snapshot),
      now: clock.now,
      log: (m) => logs.push(m),
      deliverNotify: options.deliverNotify,
      sandboxGatewayUrl: options.sandboxGatewayUrl,
    });
  } catch (error) {
    await server.close();
    if (backend === 'postgres') await dropSchema(schema).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const live = ctx;
  return {
    ctx: live,
    config,
    server,
    url: server.url,
    clock,
    logs,
    dir,
    env: {
      XIANJIE_DATA_DIR: dir,
      XIANJIE_SITE_URL: server.url,
      ...(ledger.kind === 'sqlite'
        ? { LEDGER_SQLITE_PATH: ledger.path }
        : { LEDGER_DATABASE_URL: ledger.connectionString, LEDGER_PG_SCHEMA: ledger.schema }),
    },
    async close() {
      await server.close();
      await live.close();
      if (backend === 'postgres') await dropSchema(schema);
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const TABLES = [
  'orders',
  'order_transitions',
  'payment_events',
  'routing_decisions',
  'receipt_requests',
  'order_refunds',
  'refund_requests',
  'notify_rejections',
] as const;

/** Row counts of every ledger table. */
export async function counts(ctx: DonationsContext): Promise<Record<(typeof TABLES)[number], number>> {
  const out = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    const row = await ctx.ledger.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** The answers of POST /api/donations, loosely: a test reads whichever half it expects. */
export interface ApiAnswer {
  donationId: string;
  outTradeNo: string;
  amountFen: number;
  project: { slug: string; title: string; charity: { slug: string; name: string } };
  routing?: { reason: string };
  pay: { kind: 'redirect' | 'qr'; url: string; qrCode: string; sandbox: boolean; expiresAt: string; qrImage: string };
  refund: { outTradeNo: string; requestNo: string; amountFen: number; status: string; refundedFen: number };
  error: { code: string; message: string; field?: string; reasons?: { code: string; message: string }[] };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, json: json as ApiAnswer, text, headers: response.headers };
}

export function postForm(url: string, fields: Record<string, string>) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields).toString(),
  });
}
