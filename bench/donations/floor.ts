import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { donationRequestSchema } from '../../content/contracts/donation-request.ts';
import { readSnapshotFile } from '../../content/node/index.ts';
import { createPaymentStep } from '../../donations/alipay/payment-step.ts';
import { createMerchant, type Merchant } from '../../donations/merchants/merchant.ts';
import { SandboxKeys } from '../../donations/sandbox/sandbox-keys.ts';

/**
 * The same-work floor of `POST /api/donations` (issue 14): the least a correct endpoint must do for
 * one order, with nothing else — read and `JSON.parse` the body, validate it with the API's own zod
 * schema (`donations/request-schema.ts`, PII lint included), sign the page/wap pay URL with the
 * charity merchant's RSA-2048 key, parsed once at start (`createMerchant`: alipay-sdk with a
 * `KeyObject`, as production signs), insert one row into SQLite (WAL, `synchronous=NORMAL`, a
 * prepared statement: the ledger's settings), answer 201 with the order and its pay step.
 *
 * Left out on purpose, because they are what the real endpoint adds on top: eligibility against
 * the live snapshot, cause routing (a cause gift here signs for the first charity), rate limiting,
 * receipt encryption, the ledger line and event rows, Kysely, the portal and Astro. The portal's
 * CPU per order over this row's is what those cost.
 *
 * Configured like the other servers: `XIANJIE_DATA_DIR` (sandbox keys in `donations/sandbox/`, the
 * database file beside them), `DONATIONS_SNAPSHOT`, `XIANJIE_SITE_URL`.
 */
export async function startFloor(port: number, host: string): Promise<Server> {
  const dataDir = process.env.XIANJIE_DATA_DIR;
  const snapshotPath = process.env.DONATIONS_SNAPSHOT;
  if (!dataDir || !snapshotPath) throw new Error('floor 模式需要 XIANJIE_DATA_DIR 与 DONATIONS_SNAPSHOT');
  const site = process.env.XIANJIE_SITE_URL ?? `http://${host}:${port}`;

  const snapshot = await readSnapshotFile(snapshotPath);
  const keys = new SandboxKeys(join(dataDir, 'donations', 'sandbox'));
  const alipay = keys.alipayKeys();
  const merchants = new Map<string, Merchant>();
  const merchantOf = (charitySlug: string): Merchant => {
    let merchant = merchants.get(charitySlug);
    if (!merchant) {
      const record = keys.merchantFor(charitySlug);
      merchant = createMerchant({
        charitySlug,
        appId: record.appId,
        sellerId: record.sellerId,
        privateKey: record.privateKey,
        alipayPublicKey: alipay.publicKey,
        gateway: `${site}/api/payments/sandbox/gateway`,
        sandbox: true,
      });
      merchants.set(charitySlug, merchant);
    }
    return merchant;
  };
  const projects = new Map(snapshot.projects.map((p) => [p.slug, p]));
  for (const charity of new Set(snapshot.projects.map((p) => p.charity))) merchantOf(charity);
  const firstProject = snapshot.projects[0];
  if (!firstProject) throw new Error('快照中没有项目');

  const db = new Database(join(dataDir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table if not exists orders (
    out_trade_no text primary key, project_slug text not null, amount_fen integer not null,
    channel text not null, anonymous integer not null, display_name text, message text, created_at text not null)`);
  const insert = db.prepare(
    'insert into orders (out_trade_no, project_slug, amount_fen, channel, anonymous, display_name, message, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );

  const answer = (res: import('node:http').ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/donations')
      return answer(res, 404, { error: { code: 'NOT_FOUND' } });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let raw: unknown;
      try {
        raw = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(res, 400, { error: { code: 'INVALID_JSON', message: '请求体不是合法的 JSON' } });
      }
      const parsed = donationRequestSchema.safeParse(raw);
      if (!parsed.success) {
        return answer(res, 400, { error: { code: 'VALIDATION_FAILED', message: parsed.error.issues[0]?.message } });
      }
      const body = parsed.data;
      const project = (body.projectSlug ? projects.get(body.projectSlug) : firstProject) ?? firstProject;
      const outTradeNo = `XJF${Date.now()}${randomBytes(4).toString('hex')}`;
      const expiresAt = new Date(Date.now() + 30 * 60_000);
      createPaymentStep(merchantOf(project.charity), {
        outTradeNo,
        amountFen: body.amountFen,
        subject: project.title,
        channel: body.channel,
        expiresAt,
        notifyUrl: `${site}/api/payments/alipay/notify`,
        returnUrl: `${site}/donate/result/`,
      }).then(
        (pay) => {
          insert.run(
            outTradeNo,
            project.slug,
            body.amountFen,
            body.channel,
            body.anonymous ? 1 : 0,
            body.displayName ?? null,
            body.message ?? null,
            new Date().toISOString(),
          );
          answer(res, 201, { outTradeNo, project: project.slug, amountFen: body.amountFen, pay });
        },
        (error: unknown) => answer(res, 500, { error: { code: 'INTERNAL', message: String(error) } }),
      );
    });
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
