import type { Measurement } from './load.ts';
import type { AppServer, Backend } from './options.ts';
import type { NotifyCheck } from './verify.ts';

/** One line of the results table. */
export interface Row {
  backend: Backend;
  /** `bare` baseline, the `floor` of order creation, or the donations server it went through. */
  server: 'bare' | 'floor' | AppServer;
  operation: 'bare handler' | 'same-work floor' | 'create order' | 'notify';
  measurement: Measurement;
  /** Successful requests per second over the bare handler's, same database run. */
  ratio: number | null;
  /** 201 answers and orders committed in the ledger during the create row (warm-up included). */
  createCheck?: { answered201: number; ledgerOrders: number; ok: boolean };
  check?: NotifyCheck;
  /** Lines the server logged during the row, and how many were connections closed mid-request. */
  serverLog: { logLines: number; abortedLines: number };
}

const SERVER_LABEL: Record<Row['server'], string> = {
  bare: 'bare Node handler',
  floor: 'same-work floor',
  portal: 'portal (production: built, plain node; API on its own router)',
  'portal-tsx': 'portal under tsx (development)',
  node: 'node-server.ts',
};

const fixed = (n: number, digits = 0) => n.toFixed(digits);

/** The floor row of a database, when it was measured. */
const floorOf = (rows: Row[], backend: Backend) =>
  rows.find((r) => r.backend === backend && r.server === 'floor')?.measurement;

/** CPU per order and throughput of a create row as multiples of the floor's (same database, same run). */
export function versusFloor(rows: Row[], row: Row): { cpu: number | null; rps: number } | null {
  const floor = floorOf(rows, row.backend);
  if (!floor || (row.operation !== 'create order' && row.operation !== 'same-work floor')) return null;
  const cpu = row.measurement.cpuMsPerRequest;
  const floorCpu = floor.cpuMsPerRequest;
  return { cpu: cpu !== null && floorCpu ? cpu / floorCpu : null, rps: row.measurement.rps / floor.rps };
}

export function resultsTable(rows: Row[]): string {
  const lines = [
    '| database | operation | through | req/s | p50 ms | p99 ms | non-2xx | refused | errors (timeouts) | vs bare | server CPU ms/req | CPU vs bare | CPU vs floor | req/s vs floor |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const bareCpu = new Map(
    rows.filter((r) => r.server === 'bare').map((r) => [r.backend, r.measurement.cpuMsPerRequest]),
  );
  for (const r of rows) {
    const m = r.measurement;
    const cpu = m.cpuMsPerRequest;
    const base = bareCpu.get(r.backend);
    const cpuRatio = cpu !== null && base ? `${fixed(cpu / base, 0)}×` : '—';
    const floor = versusFloor(rows, r);
    const cpuFloor = floor?.cpu != null ? `${fixed(floor.cpu, 2)}×` : '—';
    const rpsFloor = floor ? `${fixed(floor.rps * 100, 0)}%` : '—';
    lines.push(
      `| ${r.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.operation} | ${SERVER_LABEL[r.server]} | ${fixed(m.rps)}${m.exhausted ? '*' : ''} | ${fixed(m.p50)} | ${fixed(m.p99)} | ${m.non2xx} | ${m.refused} | ${m.errors} (${m.timeouts}) | ${r.ratio === null ? '—' : `${fixed(r.ratio * 100, 1)}%`} | ${cpu === null ? '—' : fixed(cpu, 2)} | ${cpuRatio} | ${cpuFloor} | ${rpsFloor} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The checks under the table: ledger counts, unexpected server log lines, the notify ledger check
 * and issue 14's target (order creation on SQLite through the production path at most `target` ×
 * the floor's CPU per order). `failed` when a check or the target fails.
 */
export function verdictLines(rows: Row[], target: number, logDir: string): { lines: string[]; failed: boolean } {
  const lines: string[] = [];
  let failed = false;
  for (const r of rows) {
    const cc = r.createCheck;
    if (cc) {
      lines.push(
        `账本核对 ${r.backend}/${r.server} 创建（含预热）：回复 201 ${cc.answered201}，账本新增 ${cc.ledgerOrders} 笔 — ${cc.ok ? '每个 201 都是已提交的订单' : '不一致'}`,
      );
      if (!cc.ok) failed = true;
    }
    const unexpected = r.serverLog.logLines - r.serverLog.abortedLines;
    if (unexpected > 0) {
      lines.push(`注意 ${r.backend}/${r.server} ${r.operation}：服务端记录了 ${unexpected} 行日志（见 ${logDir}）`);
    }
    if (!r.check) continue;
    const c = r.check;
    lines.push(
      `账本核对 ${r.backend}/${r.server} 通知：已发送 ${c.sent}，回复 success ${c.answeredSuccess}，已支付 ${c.paid} — ${c.ok ? '每笔恰好支付一次' : `不一致：${c.problems.join('；')}`}`,
    );
    if (!c.ok) failed = true;
  }
  // Issue 14's target: order creation through the production path on SQLite ≤ `target` × the floor's CPU.
  const gate = rows.find((r) => r.backend === 'sqlite' && r.server === 'portal' && r.operation === 'create order');
  const ratio = gate ? versusFloor(rows, gate) : null;
  if (gate && ratio?.cpu != null) {
    const pass = ratio.cpu <= target;
    if (!pass) failed = true;
    lines.push(
      `${pass ? '达标' : '未达标'}：SQLite 创建订单（${gate.server}）每单 CPU 为同工作量下限的 ${ratio.cpu.toFixed(2)} 倍（目标 ≤ ${target} 倍），吞吐为其 ${(ratio.rps * 100).toFixed(0)}%`,
    );
  }
  return { lines, failed };
}
