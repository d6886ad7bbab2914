import { existsSync } from 'node:fs';
import { readDonationsConfig, readOutbox } from '../donations/index.ts';
import { ensureDemoWorkbench } from '../referrals/index.ts';
import { runToEnd, stopAll } from './children.ts';
import { CMS_LABEL, cmsSupervisor, pullWhenCmsRuns } from './cms-child.ts';
import { readPublisherConfig } from './config.ts';
import { snapshotStage } from './content-source.ts';
import { type MailDelivery, startMailDelivery } from './mail/mail-delivery.ts';
import { outboxPageHtml } from './mail/outbox-page.ts';
import { assertPortFree } from './port-free.ts';
import { type Portal, startPortal } from './portal.ts';
import { PROGRAMS, programArgs } from './programs.ts';
import { stage } from './progress.ts';
import { type ReportDelivery, startReportDelivery } from './reports/report-delivery.ts';
import { strapiReportSink } from './reports/strapi-report-sink.ts';

/**
 * `npm start`: the whole portal on embedded defaults — Strapi on SQLite seeded with the demo
 * data, the site built from what Strapi publishes, the donations API with the Alipay sandbox —
 * on one machine. It runs as JavaScript built from this file (publisher/build/build-programs.ts),
 * under plain `node`, and starts its children the same way (publisher/programs.ts). A second run reuses what exists (data, builds, database, the last release).
 *
 * The CMS's first start must succeed, or nothing starts. Once it has, a CMS that exits on its own
 * is restarted with backoff (supervisor.ts) while the portal keeps serving the live release, gifts
 * and notifies — none of them needs Strapi. Only Ctrl-C stops everything.
 */
const config = readPublisherConfig();
// The build (canonical URLs) and the donations API in this process (Alipay notify and return
// URLs, the sandbox gateway) must name the origin the portal really listens on, also when the
// port is not the default one.
process.env.XIANJIE_SITE_URL = config.siteUrl;
const TOTAL = 5;
let portal: Portal | null = null;
// A publish made just before a crash may have lost its webhook: rebuild once the CMS is back.
const cms = cmsSupervisor(config, () => portal?.scheduler.request(`${CMS_LABEL}重启后更新`));
let reports: ReportDelivery | null = null;
let mail: MailDelivery | null = null;

let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    process.stdout.write('\n正在停止各个服务……\n');
    await portal?.close().catch(() => undefined);
    await reports?.stop().catch(() => undefined);
    await mail?.stop().catch(() => undefined);
    await cms.stop();
    await stopAll();
    process.stdout.write('已全部停止。\n');
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  await stage(1, TOTAL, '准备示例数据', async () => {
    if (existsSync(config.snapshotPath)) {
      process.stdout.write(`      已存在：${config.snapshotPath}\n`);
      return;
    }
    await runToEnd('data', process.execPath, [
      ...programArgs(PROGRAMS['demo-data']),
      'demo',
      '--out',
      config.snapshotPath,
    ]);
  });

  await stage(2, TOTAL, '构建内容管理系统（首次约需 1–2 分钟）', () =>
    runToEnd('cms', 'npm', ['run', '--silent', 'build', '--workspace', 'cms']),
  );

  await stage(3, TOTAL, '启动内容管理系统（首次启动会导入示例数据）', async () => {
    // A CMS left over from another run would answer the health check in place of ours.
    await assertPortFree(config.cmsHost, config.cmsPort, `内容管理系统（${config.STRAPI_URL}）`);
    await assertPortFree(config.PUBLISHER_HOST, config.PUBLISHER_PORT, '门户服务');
    await cms.start().catch((error: unknown) => {
      throw new Error(`${(error as Error).message}。请查看上面的 [cms] 日志`);
    });
  });

  const live = await stage(
    4,
    TOTAL,
    `启动门户服务 http://${config.PUBLISHER_HOST}:${config.PUBLISHER_PORT}`,
    async () => {
      const pull = snapshotStage(config);
      const donations = readDonationsConfig();
      portal = await startPortal(
        config,
        config.CONTENT_SOURCE === 'strapi' ? pullWhenCmsRuns(cms, pull) : pull,
        undefined,
        {
          cmsStatus: () => cms.status(),
          // New disclosures of each release are queued for their projects' subscribers.
          onRelease: async (id, previousId, store) => mail?.announce(id, previousId, store),
          outboxPage: async () =>
            outboxPageHtml(await readOutbox(donations.mail.outboxDir), {
              dir: donations.mail.outboxDir,
              smtp: donations.mail.smtpUrl !== null,
            }),
        },
      );
      mail = await startMailDelivery(donations, {
        intervalMs: donations.mail.deliveryIntervalMs,
        log: (line) => process.stdout.write(`[mail] ${line}\n`),
        store: portal.store,
      });
      // Reports accepted by the API wait in the ledger's outbox until the CMS takes them.
      reports = await startReportDelivery(
        readDonationsConfig(),
        strapiReportSink({ url: config.STRAPI_URL, secret: config.reportSecret }),
        { intervalMs: config.REPORT_DELIVERY_INTERVAL_MS, log: (line) => process.stdout.write(`[reports] ${line}\n`) },
      );
      return portal.store.currentId();
    },
  );

  await stage(
    5,
    TOTAL,
    live ? `更新站点（先继续提供上次的版本 ${live}）` : '构建首个站点版本（约需半分钟）',
    async () => {
      if (!portal) return;
      if (live) portal.scheduler.request('启动时更新');
      else await portal.publishNow('首次启动');
    },
  );

  // The workbench's demo accounts and fictional referrals, once, from the live release's snapshot.
  const workbenchDemo =
    process.env.XIANJIE_ENV === 'production'
      ? null
      : await ensureDemoWorkbench().catch((error: unknown) => {
          process.stderr.write(`衔接工作台演示数据未能生成：${(error as Error).message}\n`);
          return null;
        });
  const site = `http://${config.PUBLISHER_HOST}:${config.PUBLISHER_PORT}`;
  process.stdout.write(
    [
      '',
      '衔接已启动（嵌入式默认配置：SQLite、示例数据、支付宝沙箱）：',
      `  门户网站      ${site}/`,
      `  发布状态      ${site}/_publisher/status`,
      `  本地发件箱    ${site}/_publisher/outbox（未配置 SMTP_URL 时，订阅邮件写在这里）`,
      `  内容管理后台  ${config.STRAPI_URL}/admin`,
      `  演示账号密码  ${existsSync(config.accountsPath) ? config.accountsPath : '（尚未生成）'}`,
      `  衔接工作台    ${site}/workbench/（账号密码：${workbenchDemo?.path ?? '（尚未生成）'}）`,
      '按 Ctrl-C 停止。',
      '',
    ].join('\n'),
  );
} catch (error) {
  // Ctrl-C during start-up ends the CMS's first start too: that is the shutdown already under way.
  if (!stopping) {
    process.stderr.write(`\n启动失败：${(error as Error).message}\n`);
    await shutdown(1);
  }
}
