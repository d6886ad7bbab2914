import autocannon from 'autocannon';

/**
 * One measurement with autocannon over loopback: a warm-up run (same settings, results thrown
 * away: JIT, connection pools, SQLite page cache), then the measured run. Bodies come from a
 * function, one per request, so every request can differ (and a notify run can stop when its
 * orders are used up).
 */
export interface LoadSettings {
  connections: number;
  durationS: number;
  warmupS: number;
}

export interface LoadSpec {
  url: string;
  path: string;
  contentType: string;
  /** The next body and a tag naming it (handed back with its answer). */
  next: () => { body: string; tag: string };
  /** How many bodies are left (undefined: endless). */
  remaining?: () => number;
  /** Counts an answer as successful, e.g. 201 for an order, 200 + `success` for a notify. */
  succeeded: (status: number, body: string) => boolean;
  onAnswer?: (tag: string, ok: boolean) => void;
  /** CPU seconds the server has used so far (to report CPU per request, which a busy machine skews less). */
  serverCpuSeconds?: () => number | null;
}

export interface Measurement {
  /** Successful answers per second. */
  rps: number;
  succeeded: number;
  /** Answers that came back but were not a success (non-2xx, or a notify answered `failure`). */
  refused: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  seconds: number;
  p50: number;
  p99: number;
  /** Server CPU time per answered request in the measured run (null when unknown). */
  cpuMsPerRequest: number | null;
  /** True when the bodies ran out before the duration did. */
  exhausted: boolean;
}

async function run(spec: LoadSpec, settings: LoadSettings, seconds: number) {
  let succeeded = 0;
  let refused = 0;
  const left = spec.remaining?.();
  if (left !== undefined && left < settings.connections) return null;
  const result = await autocannon({
    url: spec.url,
    connections: settings.connections,
    duration: seconds,
    timeout: 10,
    ...(left !== undefined ? { maxOverallRequests: left } : {}),
    requests: [
      {
        method: 'POST',
        path: spec.path,
        headers: { 'content-type': spec.contentType },
        setupRequest: (request, context) => {
          const { body, tag } = spec.next();
          (context as { tag?: string }).tag = tag;
          return { ...request, body };
        },
        onResponse: (status, body, context) => {
          const ok = spec.succeeded(status, body);
          if (ok) succeeded++;
          else refused++;
          spec.onAnswer?.((context as { tag?: string }).tag ?? '', ok);
        },
      },
    ],
  });
  return { result, succeeded, refused };
}

export async function measure(spec: LoadSpec, settings: LoadSettings): Promise<Measurement> {
  if (settings.warmupS > 0) await run(spec, settings, settings.warmupS);
  const cpuBefore = spec.serverCpuSeconds?.() ?? null;
  const measured = await run(spec, settings, settings.durationS);
  const cpuAfter = spec.serverCpuSeconds?.() ?? null;
  if (!measured) throw new Error('预热用完了全部预建订单：请加大 --orders');
  const { result, succeeded, refused } = measured;
  const answered = succeeded + refused;
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    rps: succeeded / seconds,
    succeeded,
    refused,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && answered > 0 ? ((cpuAfter - cpuBefore) * 1000) / answered : null,
    exhausted: spec.remaining !== undefined && seconds < settings.durationS - 0.5,
  };
}
