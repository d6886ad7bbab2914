import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAY_QR_IMAGE_PATTERN } from '../../../content/contracts/pay-qr-image.ts';
import { verifyMerchantRequest } from '../../../donations/sandbox/alipay-signing.ts';
import { SANDBOX_NOTICE } from '../../../donations/sandbox/checkout-page.ts';
import { BACKENDS, counts, type Harness, postForm, postJson, startHarness } from '../../support/donations/harness.ts';

/** What a scanner reads from a PNG data URL. */
function scanPng(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** POST /api/donations over HTTP: payment steps, eligibility (409), routing, receipts, stats, the public list. */
describe.each(BACKENDS)('creating donations on $name', ({ name, skip }) => {
  let h: Harness;
  beforeAll(async () => {
    if (!skip) h = await startHarness(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  const create = (body: Record<string, unknown>) =>
    postJson(`${h.url}/api/donations`, { amountFen: 5_000, channel: 'page', anonymous: true, ...body });

  it.skipIf(skip)('page pay: 201 with a signed alipay.trade.page.pay URL to the sandbox cashier', async () => {
    const r = await create({ projectSlug: 'minxian-zhuxue' });
    expect(r.status).toBe(201);
    const body = r.json;
    expect(body).toMatchObject({
      project: {
        slug: 'minxian-zhuxue',
        title: '项目 minxian-zhuxue',
        charity: { slug: 'gansu-cishan', name: 'gansu-cishan 慈善会' },
      },
      amountFen: 5_000,
      pay: { kind: 'redirect', sandbox: true },
    });
    expect(body.donationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.outTradeNo).toMatch(/^XJ\d{14}[0-9A-F]{16}$/);
    const url = new URL(body.pay.url);
    expect(url.pathname).toBe('/api/payments/sandbox/gateway');
    const params = Object.fromEntries(url.searchParams);
    expect(params.method).toBe('alipay.trade.page.pay');
    expect(params.notify_url).toBe(`${h.url}/api/payments/alipay/notify`);
    expect(JSON.parse(params.biz_content as string)).toMatchObject({
      out_trade_no: body.outTradeNo,
      total_amount: '50.00',
      product_code: 'FAST_INSTANT_TRADE_PAY',
      time_expire: '2026-02-15 12:30:00',
    });
    const record = JSON.parse(
      (await import('node:fs')).readFileSync(`${h.dir}/donations/sandbox/merchants/gansu-cishan.json`, 'utf8'),
    );
    expect(verifyMerchantRequest(params, record.publicKey)).toBe(true);
    const page = await fetch(body.pay.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(SANDBOX_NOTICE);
    expect(html).toContain('50.00 元');
    const status = await fetch(`${h.url}/api/donations/${body.donationId}`).then((x) => x.json());
    expect(status).toEqual({
      donationId: body.donationId,
      status: 'pending',
      amountFen: 5_000,
      project: body.project,
    });
  });

  it.skipIf(skip)('wap pay uses QUICK_WAP_WAY; qr uses alipay.trade.precreate through the gateway', async () => {
    const wap = await create({ projectSlug: 'minxian-zhuxue', channel: 'wap' });
    expect(wap.status).toBe(201);
    const wapUrl = new URL(wap.json.pay.url);
    expect(wapUrl.searchParams.get('method')).toBe('alipay.trade.wap.pay');
    expect(JSON.parse(wapUrl.searchParams.get('biz_content') as string).product_code).toBe('QUICK_WAP_WAY');

    const qr = await create({ projectSlug: 'minxian-zhuxue', channel: 'qr' });
    expect(qr.status, qr.text).toBe(201);
    const pay = qr.json.pay;
    expect(pay.kind).toBe('qr');
    expect(pay.qrCode).toContain('/api/payments/sandbox/checkout?');
    const page = await fetch(pay.qrCode);
    expect(await page.text()).toContain(SANDBOX_NOTICE);
  });

  it.skipIf(skip)('returns the QR image with 扫码, and with a cashier link only for WeChat’s browser', async () => {
    const wechat = { 'user-agent': 'Mozilla/5.0 (Linux; Android 13) Chrome/116 Mobile MicroMessenger/8.0.47' };
    const body = { amountFen: 5_000, anonymous: true, projectSlug: 'minxian-zhuxue' };
    const url = `${h.url}/api/donations`;

    const qr = (await postJson(url, { ...body, channel: 'qr' })).json.pay;
    expect(qr.qrImage).toMatch(PAY_QR_IMAGE_PATTERN);
    expect(scanPng(qr.qrImage)).toBe(qr.qrCode);

    const plain = (await postJson(url, { ...body, channel: 'wap' })).json.pay;
    expect(plain.kind).toBe('redirect');
    expect(plain).not.toHaveProperty('qrImage');

    const inWeChat = (await postJson(url, { ...body, channel: 'wap' }, wechat)).json.pay;
    expect(inWeChat.kind).toBe('redirect');
    expect(scanPng(inWeChat.qrImage)).toBe(inWeChat.url);
  });

  it.skipIf(skip)('a monthly gift asked for inside WeChat: the signing link comes as a QR image too', async () => {
    const wechat = { 'user-agent': 'Mozilla/5.0 (Linux; Android 13) Chrome/116 Mobile MicroMessenger/8.0.47' };
    const body = {
      amountFen: 3_000,
      anonymous: true,
      projectSlug: 'minxian-zhuxue',
      channel: 'wap',
      monthly: { dayOfMonth: 12, onProjectEnd: 'stop' },
    };
    const url = `${h.url}/api/donations`;
    const plain = (await postJson(url, body)).json;
    expect(plain).toHaveProperty('monthly');
    expect(plain.pay).not.toHaveProperty('qrImage');
    const inWeChat = (await postJson(url, body, wechat)).json;
    expect(inWeChat.pay.kind).toBe('redirect');
    expect(inWeChat.pay.url).toContain('alipay.user.agreement.page.sign');
    expect(scanPng(inWeChat.pay.qrImage)).toBe(inWeChat.pay.url);
  });

  it.skipIf(skip)('the whole sandbox payment: checkout → pay → signed notify → paid → totals', async () => {
    const r = await create({
      projectSlug: 'lanzhou-kangfu',
      amountFen: 12_345,
      anonymous: false,
      displayName: '张先生',
    });
    const { donationId, pay } = r.json;
    await fetch(pay.url);
    const url = new URL(pay.url);
    const biz = JSON.parse(url.searchParams.get('biz_content') as string);
    const paid = await postForm(`${h.url}/api/payments/sandbox/pay`, {
      app_id: url.searchParams.get('app_id') as string,
      out_trade_no: biz.out_trade_no,
      action: 'pay',
    });
    expect(await paid.text()).toContain('沙箱付款成功');
    const status = await fetch(`${h.url}/api/donations/${donationId}`).then((x) => x.json());
    expect(status.status).toBe('paid');
    const stats = await fetch(`${h.url}/api/projects/lanzhou-kangfu/stats`).then((x) => x.json());
    expect(stats).toEqual({
      raisedFen: 12_345,
      donationCount: 1,
      updatedAt: '2026-02-15T04:00:00.000Z',
      matchedFen: 0,
      monthlyDonors: 0,
      monthlyFen: 0,
    });
    const list = await fetch(`${h.url}/api/projects/lanzhou-kangfu/donations`).then((x) => x.json());
    // The day in China time (04:00 UTC is 12:00 in Beijing); no time, no order number, no id.
    expect(list).toEqual({
      donations: [{ name: '张先生', amountFen: 12_345, paidOn: '2026-02-15' }],
      anonymousCount: 0,
      nextCursor: null,
    });
  });

  it.skipIf(skip)('an ineligible project → 409 with every reason; an unknown one → 404; nothing written', async () => {
    const before = await counts(h.ctx);
    const ended = await create({ projectSlug: 'ended-project' });
    expect(ended.status).toBe(409);
    expect(ended.json).toMatchObject({
      error: {
        code: 'NOT_ACCEPTING_DONATIONS',
        field: 'projectSlug',
        reasons: [{ code: 'WINDOW_ENDED', message: '募捐期已于2025年6月30日结束' }],
      },
    });
    expect(ended.json.error.message).toContain('募捐期已于2025年6月30日结束');
    const unfiled = await create({ projectSlug: 'no-filing' });
    expect(unfiled.status).toBe(409);
    expect(unfiled.json.error.reasons?.map((x) => x.code)).toEqual(['NO_FILING_NUMBER']);
    const unknown = await create({ projectSlug: 'no-such-project' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('PROJECT_NOT_FOUND');
    expect(await counts(h.ctx)).toEqual(before);
  });

  it.skipIf(skip)('a cause is routed by the written rule and the reason is kept', async () => {
    // Minors in Gansu: minxian-zhuxue (key county). Not ended-project / no-filing (ineligible).
    const r = await create({ pool: { targetGroup: 'minors', region: '620000' } });
    expect(r.status, r.text).toBe(201);
    const body = r.json;
    expect(body.project.slug).toBe('minxian-zhuxue');
    expect(body.routing?.reason).toContain('共 1 个');
    const decision = await h.ctx.ledger.db
      .selectFrom('routing_decisions')
      .selectAll()
      .where('order_id', '=', body.donationId)
      .executeTakeFirstOrThrow();
    expect(decision.chosen_project).toBe('minxian-zhuxue');
    expect(decision.reason).toBe(body.routing?.reason);
    expect(decision.reason).toContain('重点帮扶县');
    expect(JSON.parse(decision.request_json)).toEqual({ targetGroup: 'minors', region: '620000' });

    // Minors anywhere: two key-county projects, nothing paid to either (both 100% unmet), the same
    // window end — so the slug decides: minxian-zhuxue < zhenxiong-yingyang. Every time.
    for (let i = 0; i < 3; i++) {
      const any = await create({ pool: { targetGroup: 'minors' } });
      expect(any.json.project.slug).toBe('minxian-zhuxue');
      expect(any.json.routing?.reason).toContain('前三项条件都相同，按项目网址的固定顺序选定');
    }
    const none = await create({ pool: { targetGroup: 'tekun' } });
    expect(none.status).toBe(409);
    expect(none.json.error.code).toBe('NO_ELIGIBLE_PROJECT');
    expect(none.json.error.message).toContain('特困人员');
  });

  it.skipIf(skip)('receipt data is stored encrypted and exported only with the charity token', async () => {
    const r = await create({
      projectSlug: 'minxian-zhuxue',
      receipt: { requested: true, name: '兰州示例科技有限公司', taxId: '53100000500012345U', email: 'a@example.org' },
    });
    expect(r.status, r.text).toBe(201);
    const { donationId, outTradeNo, pay } = r.json;
    const row = await h.ctx.ledger.db
      .selectFrom('receipt_requests')
      .selectAll()
      .where('order_id', '=', donationId)
      .executeTakeFirstOrThrow();
    expect(row.requested).toBe(1);
    expect(row.tax_id_kind).toBe('credit-code');
    for (const v of [row.name_enc, row.tax_id_enc, row.email_enc]) {
      // Every ciphertext names the key that wrote it (the current one).
      expect(v?.startsWith(`v2.${h.ctx.receipts.currentKeyId}.`)).toBe(true);
      expect(v).not.toContain('兰州');
      expect(v).not.toContain('53100000500012345U');
    }
    // Pay it so it appears in the export.
    await fetch(pay.url);
    const url = new URL(pay.url);
    await postForm(`${h.url}/api/payments/sandbox/pay`, {
      app_id: url.searchParams.get('app_id') as string,
      out_trade_no: outTradeNo,
      action: 'pay',
    });
    const csvUrl = `${h.url}/api/charities/gansu-cishan/receipt-requests.csv`;
    expect((await fetch(csvUrl)).status).toBe(401);
    expect((await fetch(csvUrl, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const token = h.ctx.exportTokens.tokenFor('gansu-cishan');
    const other = h.ctx.exportTokens.tokenFor('yunnan-cishan');
    expect((await fetch(csvUrl, { headers: { authorization: `Bearer ${other}` } })).status).toBe(401);
    const csv = await fetch(csvUrl, { headers: { authorization: `Bearer ${token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain(`${outTradeNo},minxian-zhuxue,50.00,`);
    expect(text).toContain('兰州示例科技有限公司,统一社会信用代码,53100000500012345U,a@example.org');
    // Never public: not in the list, not in the status.
    const list = await fetch(`${h.url}/api/projects/minxian-zhuxue/donations?limit=100`).then((x) => x.text());
    expect(list).not.toContain('兰州示例');
    expect(list).not.toContain('53100000500012345U');
  });

  it.skipIf(skip)('anonymous donors are never named in the public list, only counted', async () => {
    const r = await create({ projectSlug: 'zhenxiong-yingyang', anonymous: true, displayName: '李四' });
    expect(r.status).toBe(201);
    const { outTradeNo, pay } = r.json;
    await fetch(pay.url);
    await postForm(`${h.url}/api/payments/sandbox/pay`, {
      app_id: new URL(pay.url).searchParams.get('app_id') as string,
      out_trade_no: outTradeNo,
      action: 'pay',
    });
    const list = await fetch(`${h.url}/api/projects/zhenxiong-yingyang/donations`).then((x) => x.text());
    expect(JSON.parse(list)).toEqual({ donations: [], anonymousCount: 1, nextCursor: null });
    expect(list).not.toContain('李四');
  });

  it.skipIf(skip)('stats and lists of unknown projects → 404; bad ids → 404', async () => {
    expect((await fetch(`${h.url}/api/projects/nope/stats`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/projects/nope/donations`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/donations/not-a-uuid`)).status).toBe(404);
    expect((await fetch(`${h.url}/api/donations/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    for (const query of ['limit=0', 'limit=51', 'limit=x', 'cursor=abc', 'cursor=1771128000000-0']) {
      const refused = await fetch(`${h.url}/api/projects/minxian-zhuxue/donations?${query}`);
      expect(refused.status, query).toBe(400);
      expect((await refused.json()).error.code, query).toBe('INVALID_BODY');
    }
    const empty = await fetch(`${h.url}/api/projects/no-filing/stats`).then((x) => x.json());
    expect(empty).toEqual({
      raisedFen: 0,
      donationCount: 0,
      updatedAt: null,
      matchedFen: 0,
      monthlyDonors: 0,
      monthlyFen: 0,
    });
  });
});
