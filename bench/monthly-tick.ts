/**
 * Monthly-giving benchmark (issue 17): one scheduler tick over N due plans (default 10,000) —
 * claim each month (UNIQUE(plan, period)), write its order, call alipay.trade.pay with the
 * agreement, settle — on SQLite, with wall time and CPU per charge, beside the same-work floor
 * measured in the same run: per charge the RSA2 work of both sides (our request signed and its
 * answer verified, the gateway's check and signature) and the same three writes (claim row, order,
 * paid transition) done directly.
 *
 *   npx tsx bench/monthly-tick.ts [--plans 10000] [--concurrency 8]
 *
 * Alipay is the sandbox's fake gateway served by this same process over loopback HTTP, so its
 * side's RSA work is in the measured CPU as it is in the floor. Results go to stdout.
 */
import { createSign, createVerify, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIso } from '../content/index.ts';
import { readDonationsConfig } from '../donations/config.ts';
import { createDonationsContext, type DonationsContext } from '../donations/context.ts';
import { newOutTradeNo } from '../donations/create-donation.ts';
import { serveDonations } from '../donations/http/node-server.ts';
import { insertOrder } from '../donations/ledger/orders.ts';
import { transitionOrder } from '../donations/ledger/transitions.ts';
import { periodOf } from '../donations/monthly/periods.ts';
import { hashManageToken, monthlyDb, newExternalAgreementNo, newManageToken } from '../donations/monthly/plans.ts';
import { runSchedulerTick } from '../donations/monthly/scheduler.ts';
import { FakeAgreementStore } from '../donations/sandbox/fake-alipay-agreement-store.ts';
import { SandboxKeys } from '../donations/sandbox/sandbox-keys.ts';
import { staticSnapshotSource } from '../donations/snapshot-source.ts';
import { demoSnapshot, eligibleTargets } from './donations/fixtures.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PLANS = arg('plans', 10_000);
const CONCURRENCY = arg('concurrency', 8);
const say = (line: string) => process.stdout.write(`${line}\n`);

const cpuMs = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'xianjie-bench-monthly-'));
  const { snapshot } = await demoSnapshot(join(ROOT, '.data', 'bench', 'donations'));
  const today = todayIso();
  const targets = eligibleTargets(snapshot, today);
  let ctx: DonationsContext | null = null;
  const server = await serveDonations(() => ctx as DonationsContext);
  try {
    const config = readDonationsConfig({ XIANJIE_DATA_DIR: dir, XIANJIE_SITE_URL: server.url }, dir);
    ctx = await createDonationsContext(config, { snapshots: staticSnapshotSource(snapshot), log: () => {} });
    const live = ctx;
    const now = new Date();
    const day = Math.min(Number(today.slice(8, 10)), 28);
    const period = periodOf(now);
    const agreements = new FakeAgreementStore(join(config.sandboxDir, 'alipay-agreements.db'));
    const appOf = new Map<string, string>();
    for (const t of targets) {
      if (!appOf.has(t.charity.slug))
        appOf.set(t.charity.slug, (await live.merchants.forCharity(t.charity.slug))?.appId ?? '');
    }
    say(`${PLANS} plans over ${targets.length} projects of ${appOf.size} charities; due on day ${day} of ${period}`);
    const rows = Array.from({ length: PLANS }, (_, i) => {
      const t = targets[i % targets.length] as (typeof targets)[number];
      return {
        id: randomUUID(),
        external_agreement_no: newExternalAgreementNo(),
        token_hash: hashManageToken(newManageToken()),
        status: 'active' as const,
        project_slug: t.project.slug,
        cause_json: null,
        charity_slug: t.charity.slug,
        merchant_app_id: appOf.get(t.charity.slug) as string,
        sandbox: 1,
        amount_fen: 1_000 + (i % 50) * 100,
        max_amount_fen: 10_000,
        day_of_month: day,
        on_project_end: 'continue' as const,
        channel: 'page' as const,
        anonymous: 1,
        display_name: null,
        agreement_no: `2026${String(i).padStart(16, '0')}`,
        start_period: period,
        created_at: now.toISOString(),
        signed_at: now.toISOString(),
        status_reason: null,
        cancelled_at: null,
        unsign_state: 'none' as const,
      };
    });
    const db = monthlyDb(live.ledger);
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('monthly_plans')
        .values(rows.slice(i, i + 500))
        .execute();
    for (const r of rows) {
      agreements.createIfAbsent({
        app_id: r.merchant_app_id,
        external_agreement_no: r.external_agreement_no,
        agreement_no: null,
        status: 'TEMP',
        sign_scene: 'INDUSTRY|CHARITY',
        single_amount: '100.00',
        execute_time: `${period}-${String(day).padStart(2, '0')}`,
        notify_url: null,
        return_url: null,
        sign_time: null,
        unsign_time: null,
        fail_remaining: 0,
        fail_code: null,
      });
      agreements.sign(r.merchant_app_id, r.external_agreement_no, r.agreement_no, '2026-01-01 00:00:00');
    }

    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await runSchedulerTick(live, { concurrency: CONCURRENCY });
    const wallMs = performance.now() - t0;
    const tickCpu = cpuMs(cpu0);
    const paid = report.outcomes.paid;
    say(
      `tick: ${paid} paid of ${report.claimed} claimed, ${report.errors.length} errors, wall ${(wallMs / 1000).toFixed(1)} s`,
    );
    say(`      CPU ${(tickCpu / 1000).toFixed(1)} s = ${(tickCpu / Math.max(1, paid)).toFixed(2)} ms per charge`);
    const second = await runSchedulerTick(live);
    say(`second tick at the same clock: ${second.claimed} claimed, ${second.outcomes.paid} paid (nothing twice)`);

    // The floor: the same RSA2 work and the same three writes per charge, nothing else.
    const keys = new SandboxKeys(config.sandboxDir);
    const alipay = keys.alipayKeys();
    const merchant = keys.merchantFor(targets[0]?.charity.slug as string);
    const n = Math.min(PLANS, 2_000);
    const content = `app_id=${merchant.appId}&biz_content={"out_trade_no":"XJ20260101000000ABCDEF0123456789","total_amount":"30.00","subject":"捐赠-项目","product_code":"GENERAL_WITHHOLDING","agreement_params":{"agreement_no":"20260000000000000001"}}&charset=utf-8&method=alipay.trade.pay&notify_url=http://127.0.0.1/api/payments/alipay/notify&sign_type=RSA2&timestamp=2026-01-01 00:00:00&version=1.0`;
    const answer =
      '{"code":"10000","msg":"Success","trade_no":"2026010122001000000000000001","out_trade_no":"XJ20260101000000ABCDEF0123456789","total_amount":"30.00"}';
    const cpu1 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const s1 = createSign('RSA-SHA256').update(content).sign(merchant.privateKey, 'base64');
      createVerify('RSA-SHA256').update(content).verify(merchant.publicKey, s1, 'base64');
      const s2 = createSign('RSA-SHA256').update(answer).sign(alipay.privateKey, 'base64');
      createVerify('RSA-SHA256').update(answer).verify(alipay.publicKey, s2, 'base64');
      const id = randomUUID();
      const at = new Date().toISOString();
      const row = rows[i] as (typeof rows)[number];
      const outTradeNo = newOutTradeNo(new Date());
      await db
        .insertInto('plan_charges')
        .values({
          plan_id: row.id,
          period: '2099-01',
          order_id: id,
          out_trade_no: outTradeNo,
          project_slug: row.project_slug,
          amount_fen: row.amount_fen,
          state: 'paid',
          attempts: 1,
          failures: 0,
          next_attempt_at: at,
          lease_until: null,
          last_error: null,
          claimed_at: at,
          settled_at: at,
        })
        .execute();
      await insertOrder(
        live.ledger.db,
        {
          id,
          outTradeNo,
          projectSlug: row.project_slug,
          charitySlug: row.charity_slug,
          merchantAppId: row.merchant_app_id,
          amountFen: row.amount_fen,
          channel: 'page',
          anonymous: true,
          displayName: null,
          message: null,
          routed: false,
          sandbox: true,
          payExpiresAt: at,
          createdAt: at,
        },
        { requested: false, nameEnc: null, taxIdKind: null, taxIdEnc: null, emailEnc: null },
        null,
      );
      await transitionOrder(live.ledger.db, {
        orderId: id,
        from: 'pending',
        to: 'paid',
        at,
        source: 'query',
        tradeNo: `F${id.replaceAll('-', '')}`,
      });
    }
    const floorCpu = cpuMs(cpu1) / n;
    say(`floor: ${floorCpu.toFixed(2)} ms CPU per charge (${n} charges: 2 RSA2 signatures + 2 checks, 3 writes)`);
    say(`ratio: ${(tickCpu / Math.max(1, paid) / floorCpu).toFixed(2)}× the floor`);
    agreements.close();
    await live.sandbox?.idle();
  } finally {
    await ctx?.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
