import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../donations/after-gift/csv-rows.ts';
import { payGift } from '../../../support/donations/after-gift-world.ts';
import { BACKENDS, type Harness, postJson, startHarness } from '../../../support/donations/harness.ts';
import { pendingOrder } from '../../../support/donations/orders.ts';
import { pdfText } from '../../../support/pdf-text.ts';

/**
 * Receipts after the gift (issue 16 items 3–4) on a real ledger: the charity's CSV status import
 * (a bad row changes nothing and is named by its line; idempotent), the JSON form behind its
 * token, the donor's view of the status, the 凭证 PDF's text and its signed /verify/ code, and the
 * year statement.
 */
const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

const withReceipt = (name: string) => ({ receipt: { requested: true, name } });

async function receiptState(h: Harness, token: string) {
  return ((await postJson(`${h.url}/api/my/gift`, { token })).json as unknown as { gift: { receipt: unknown } }).gift
    .receipt;
}

describe.each(BACKENDS)('receipts after the gift ($name)', ({ name, skip }) => {
  it.skipIf(skip)(
    'imports the edited export: one bad row changes nothing and is named; then applies once',
    async () => {
      const h = await startHarness(name, { env: { LOOKUP_RATE_LIMIT: '1000' } });
      harnesses.push(h);
      const a = await payGift(h, withReceipt('王一'));
      const b = await payGift(h, withReceipt('王二'));
      const c = await payGift(h, { receipt: { requested: false } });
      void (await pendingOrder(h));
      const token = h.ctx.exportTokens.tokenFor('gansu-cishan');
      const auth = { authorization: `Bearer ${token}` };
      const exported = await (
        await fetch(`${h.url}/api/charities/gansu-cishan/receipt-requests.csv`, { headers: auth })
      ).text();
      const [header, ...rows] = parseCsv(exported);
      const col = (n: string) => header?.cells.indexOf(n) ?? -1;
      expect(col('票据状态')).toBeGreaterThan(0);
      expect(rows.map((r) => r.cells[col('票据状态')])).toEqual(['已申请', '已申请', '']);
      const edit = (fill: Record<string, string[]>) =>
        `${[header, ...rows]
          .map((r) => {
            const cells = [...(r?.cells ?? [])];
            const values = fill[cells[0] ?? ''];
            if (values) cells.splice(col('票据状态'), values.length, ...values);
            return cells.map((v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',');
          })
          .join('\r\n')}\r\n`;
      const upload = (csv: string) =>
        fetch(`${h.url}/api/charities/gansu-cishan/receipt-statuses`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/csv; charset=utf-8' },
          body: csv,
        });

      // Line 3 (b) says 已开具 without a 票据号: refused, and a's good row is not applied either.
      const bad = await upload(
        edit({
          [a.outTradeNo]: ['已开具', 'GS2026-0001', 'https://pj.example.gov.cn/r/1', ''],
          [b.outTradeNo]: ['已开具', '', '', ''],
        }),
      );
      expect(bad.status).toBe(400);
      const refusal = (await bad.json()) as { error: { code: string; message: string; field: string } };
      expect(refusal.error.code).toBe('RECEIPT_IMPORT_REFUSED');
      expect(refusal.error.field).toBe('line:3');
      expect(refusal.error.message).toMatch(/^第 3 行：.*票据号.*没有应用任何更改$/);
      expect(await receiptState(h, a.token)).toMatchObject({ state: 'requested', number: null });
      // A status for a waived receipt (line 4) is refused too.
      const waived = await upload(edit({ [c.outTradeNo]: ['不予开具', '', '', '无需'] }));
      expect(((await waived.json()) as { error: { field: string } }).error.field).toBe('line:4');

      const good = edit({
        [a.outTradeNo]: ['已开具', 'GS2026-0001', 'https://pj.example.gov.cn/r/1', ''],
        [b.outTradeNo]: ['不予开具', '', '', '抬头与付款人不一致，请联系我们'],
      });
      const applied = await upload(good);
      expect(applied.status).toBe(200);
      expect(await applied.json()).toEqual({ rows: 3, changed: 2, unchanged: 1 });
      expect(await (await upload(good)).json()).toEqual({ rows: 3, changed: 0, unchanged: 3 });
      expect(await receiptState(h, a.token)).toEqual({
        state: 'issued',
        number: 'GS2026-0001',
        url: 'https://pj.example.gov.cn/r/1',
        reason: null,
      });
      expect(await receiptState(h, b.token)).toMatchObject({
        state: 'declined',
        reason: '抬头与付款人不一致，请联系我们',
      });
      // Once recorded, a status is not changed (JSON, through the same token); without the token: 401.
      const change = await postJson(
        `${h.url}/api/charities/gansu-cishan/receipt-statuses`,
        { updates: [{ outTradeNo: a.outTradeNo, state: 'declined', reason: '改主意' }] },
        auth,
      );
      expect(change.status).toBe(400);
      expect(change.json.error.field).toBe('line:updates[0]');
      const anonymous = await postJson(`${h.url}/api/charities/gansu-cishan/receipt-statuses`, { updates: [] });
      expect(anonymous.status).toBe(401);
      // The next export carries the recorded statuses.
      const again = parseCsv(
        await (await fetch(`${h.url}/api/charities/gansu-cishan/receipt-requests.csv`, { headers: auth })).text(),
      );
      expect(again[1]?.cells.slice(col('票据状态'))).toEqual([
        '已开具',
        'GS2026-0001',
        'https://pj.example.gov.cn/r/1',
        '',
      ]);
    },
  );

  it.skipIf(skip)(
    'the 凭证 PDF says what it is, its QR code verifies, a forged code does not; the year statement',
    async () => {
      const h = await startHarness(name, { env: { LOOKUP_RATE_LIMIT: '1000' } });
      harnesses.push(h);
      const gift = await payGift(h, { anonymous: false, displayName: '欧阳小明', amountFen: 12_345 });
      const second = await payGift(h, { amountFen: 100 });
      const answer = await fetch(`${h.url}/api/my/voucher.pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: gift.token }),
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      const text = await pdfText(new Uint8Array(await answer.arrayBuffer()));
      expect(text).toContain('捐赠凭证');
      expect(text).toContain('非财政票据');
      expect(text).toContain('项目 minxian-zhuxue');
      expect(text).toContain('123.45 元');
      expect(text).toContain(gift.outTradeNo);
      const verifyUrl = /(http:\/\/127\.0\.0\.1:\d+\/verify\/[A-Za-z0-9_-]{43})/.exec(text)?.[1];
      expect(verifyUrl).toBeTruthy();
      const code = verifyUrl?.split('/').pop() as string;
      const verified = await (await fetch(`${h.url}/api/verify/${code}`)).json();
      expect(verified).toEqual({
        valid: true,
        project: { title: '项目 minxian-zhuxue', path: '/projects/minxian-zhuxue/' },
        charity: 'gansu-cishan 慈善会',
        amountFen: 12_345,
        paidOn: '2026-02-15',
        donor: '欧**',
        status: 'paid',
      });
      // Any change to the code (the id part or the signature part) is refused.
      for (const i of [0, 20, 30, 41, 42]) {
        const c = code[i] === 'A' ? 'B' : 'A';
        const forged = `${code.slice(0, i)}${c}${code.slice(i + 1)}`;
        expect(await (await fetch(`${h.url}/api/verify/${forged}`)).json()).toEqual({ valid: false });
      }
      expect(JSON.stringify(verified)).not.toContain('欧阳小明');

      const statement = (format: string) =>
        fetch(`${h.url}/api/my/statement`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ tokens: [gift.token, second.token, gift.token], year: 2026, format }),
        });
      const csv = parseCsv(await (await statement('csv')).text());
      expect(csv.map((r) => r.cells[3])).toEqual(['商户订单号', gift.outTradeNo, second.outTradeNo]);
      expect(csv.map((r) => r.cells[4])).toEqual(['金额（元）', '123.45', '1.00']);
      const pdf = await pdfText(new Uint8Array(await (await statement('pdf')).arrayBuffer()));
      expect(pdf).toContain('2026 年度捐赠明细');
      expect(pdf).toContain('非财政票据');
      expect(pdf).toContain('合计 2 笔，扣除退款后 124.45 元');
      const lastYear = parseCsv(
        await (
          await fetch(`${h.url}/api/my/statement`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ tokens: [gift.token], year: 2025, format: 'csv' }),
          })
        ).text(),
      );
      expect(lastYear).toHaveLength(1);
    },
  );
});
