import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDonationsConfig } from '../donations/config.ts';
import { runToEnd, startChild, stopAll } from './children.ts';
import { REPO_ROOT, readPublisherConfig } from './config.ts';
import { snapshotStage } from './content-source.ts';
import { assertPortFree } from './port-free.ts';
import { type Portal, startPortal } from './portal.ts';
import { stage } from './progress.ts';
import { type ReportDelivery, startReportDelivery } from './reports/report-delivery.ts';
import { strapiReportSink } from './reports/strapi-report-sink.ts';
import { waitForHealth } from './wait-for-health.ts';

/**
 * `npm start`: the whole portal on embedded defaults — Strapi on SQLite seeded with the demo
 * data, the site built from what Strapi publishes, the donations API with the Alipay sandbox —
 * on one machine. A second run reuses what exists (data, builds, database, the last release).
 * Ctrl-C stops every child.
 */
const config = readPublisherConfig();
// The build (canonical URLs) and the donations API in this process (Alipay notify and return
// URLs, the sandbox gateway) must name the origin the portal really listens on, also when the
// port is not the default one.
process.env.XIANJIE_SITE_URL = config.siteUrl;
const loopback = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);
const tsx = resolve(REPO_ROOT, 'node_modules/.bin/tsx');
const TOTAL = 5;
let portal: Portal | null = null;
let reports: ReportDelivery | null = null;

let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    process.stdout.write('\n正在停止各个服务……\n');
    await portal?.close().catch(() => undefined);
    await reports?.stop().catch(() => undefined);
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
    await runToEnd('data', tsx, ['content/datasets/cli.ts', 'demo', '--out', config.snapshotPath]);
  });

  await stage(2, TOTAL, '构建内容管理系统（首次约需 1–2 分钟）', () =>
    runToEnd('cms', 'npm', ['run', '--silent', 'build', '--workspace', 'cms']),
  );

  await stage(3, TOTAL, '启动内容管理系统（首次启动会导入示例数据）', async () => {
    // A CMS left over from another run would answer the health check in place of ours.
    await assertPortFree(config.cmsHost, config.cmsPort, `内容管理系统（${config.STRAPI_URL}）`);
    await assertPortFree(config.PUBLISHER_HOST, config.PUBLISHER_PORT, '门户服务');
    const cms = startChild('cms', 'npm', ['run', '--silent', 'start', '--workspace', 'cms'], {
      XIANJIE_SEED_SNAPSHOT: config.snapshotPath,
      // STRAPI_URL is the one setting for where the CMS is: it listens there.
      HOST: config.cmsHost,
      PORT: String(config.cmsPort),
      PUBLISHER_URL: process.env.PUBLISHER_URL ?? `http://${loopback(config.PUBLISHER_HOST)}:${config.PUBLISHER_PORT}`,
    });
    cms.on('exit', (code) => {
      if (!stopping) {
        process.stderr.write(`内容管理系统意外退出（退出码 ${code}）。\n`);
        void shutdown(1);
      }
    });
    await waitForHealth(`${config.STRAPI_URL}/_health`, config.CMS_START_TIMEOUT_S * 1000);
  });

  const live = await stage(
    4,
    TOTAL,
    `启动门户服务 http://${config.PUBLISHER_HOST}:${config.PUBLISHER_PORT}`,
    async () => {
      portal = await startPortal(config, snapshotStage(config));
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

  const site = `http://${config.PUBLISHER_HOST}:${config.PUBLISHER_PORT}`;
  process.stdout.write(
    [
      '',
      '衔接已启动（嵌入式默认配置：SQLite、示例数据、支付宝沙箱）：',
      `  门户网站      ${site}/`,
      `  发布状态      ${site}/_publisher/status`,
      `  内容管理后台  ${config.STRAPI_URL}/admin`,
      `  演示账号密码  ${existsSync(config.accountsPath) ? config.accountsPath : '（尚未生成）'}`,
      '按 Ctrl-C 停止。',
      '',
    ].join('\n'),
  );
} catch (error) {
  process.stderr.write(`\n启动失败：${(error as Error).message}\n`);
  await shutdown(1);
}
