import {
  type DeliveryOptions,
  type DonationsConfig,
  deliverDueReports,
  openReportOutbox,
  type ReportSink,
} from '../../donations/index.ts';

/**
 * The publisher's loop that empties the report outbox into the CMS: every `intervalMs`, one pass
 * of `deliverDueReports` (each report with its own backoff). It never stops on an error — the CMS
 * being down is the normal case it exists for — and says so in the log.
 */
export interface ReportDelivery {
  /** One pass now (tests; the loop keeps its own rhythm). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReportDelivery(
  donations: DonationsConfig,
  sink: ReportSink,
  options: DeliveryOptions & { intervalMs: number; log: (line: string) => void },
): Promise<ReportDelivery> {
  const outbox = await openReportOutbox(donations);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    try {
      const run = await deliverDueReports(outbox, sink, options);
      if (run.delivered > 0) options.log(`已将 ${run.delivered} 条举报转交内容管理系统`);
    } catch (error) {
      options.log(`举报转交失败，稍后重试：${(error as Error).message}`);
    }
  };
  const tick = () => {
    running = pass().finally(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs).unref();
    });
  };
  tick();

  return {
    async runOnce() {
      await running;
      await pass();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await outbox.close();
    },
  };
}
