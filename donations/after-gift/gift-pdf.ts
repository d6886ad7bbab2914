import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDate, formatYuan, type GiftView, RECEIPT_STATE_LABELS } from '../../content/index.ts';

/**
 * The 捐赠凭证 and the year statement as PDF (pdfkit), with a CJK font that ships in an npm package
 * (@embedpdf/fonts-sc: Noto Sans SC; pdfkit embeds only the glyphs used). Both say plainly that
 * they are NOT a 财政票据: the official 公益事业捐赠票据 is issued by the charity.
 */
export const NOT_A_FISCAL_RECEIPT =
  '本凭证不是财政票据（非财政票据），不能用于税前扣除；公益事业捐赠票据由收款的慈善组织开具。';

let font: Buffer | null = null;
function cjkFont(): Buffer {
  if (!font) {
    const require = createRequire(import.meta.url);
    // The package exports only its script (dist/): the fonts sit beside it, in fonts/.
    const dist = dirname(require.resolve('@embedpdf/fonts-sc'));
    font = readFileSync(join(dist, '..', 'fonts', 'NotoSansHans-Regular.otf'));
  }
  return font;
}

function newDocument(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Producer: '衔接' } });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  return doc;
}

function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

const STATUS: Record<GiftView['status'], string> = {
  pending: '等待支付',
  paid: '已支付',
  closed: '已关闭',
  refunded: '已全额退款',
};

/** The 凭证 of one paid gift; `verifyUrl` is the absolute `/verify/<code>` link the QR code holds. */
export async function voucherPdf(gift: GiftView, verifyUrl: string): Promise<Buffer> {
  const doc = newDocument('捐赠凭证');
  doc.fontSize(22).text('捐赠凭证', { align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(11)
    .fillColor('#b00000')
    .text(`【非财政票据】${NOT_A_FISCAL_RECEIPT}`, { align: 'center' });
  doc.fillColor('#000').moveDown(1).fontSize(12);
  const rows: [string, string][] = [
    ['商户订单号', gift.outTradeNo],
    ['捐赠项目', gift.project.title],
    ['收款的慈善组织', gift.charity.name],
    ['捐赠金额', formatYuan(gift.amountFen)],
    ['支付日期', gift.paidOn ? formatDate(gift.paidOn) : '未支付'],
    [
      '订单状态',
      gift.refundedFen > 0 && gift.status === 'paid'
        ? `已支付（已退款 ${formatYuan(gift.refundedFen)}）`
        : STATUS[gift.status],
    ],
    [
      '捐赠票据',
      RECEIPT_STATE_LABELS[gift.receipt.state] + (gift.receipt.number ? `，票据号 ${gift.receipt.number}` : ''),
    ],
  ];
  for (const [label, value] of rows) doc.text(`${label}：${value}`, { lineGap: 6 });
  doc.moveDown(1);
  const qr = await QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: 'M', margin: 2, scale: 4, type: 'png' });
  const y = doc.y;
  doc.image(qr, doc.page.margins.left, y, { width: 120 });
  doc
    .fontSize(10)
    .text(
      '扫码或打开下面的网址，核验这笔捐赠（显示项目、金额、日期，不显示捐赠人的个人信息）：',
      doc.page.margins.left + 136,
      y,
      {
        width: 340,
      },
    );
  doc.moveDown(0.5).text(verifyUrl, { width: 340 });
  doc.text('善款直接进入慈善组织的支付宝账户，本站不经手资金。', { width: 340 });
  return finish(doc);
}

/** The year statement: every gift of the year this device found, oldest first, with the total. */
export async function statementPdf(gifts: GiftView[], year: number): Promise<Buffer> {
  const doc = newDocument(`${year} 年度捐赠明细`);
  doc.fontSize(20).text(`${year} 年度捐赠明细`, { align: 'center' });
  doc
    .moveDown(0.3)
    .fontSize(10)
    .fillColor('#b00000')
    .text(`【非财政票据】${NOT_A_FISCAL_RECEIPT}`, { align: 'center' });
  doc.fillColor('#000').moveDown(1).fontSize(11);
  let total = 0;
  for (const g of gifts) {
    const kept = g.amountFen - g.refundedFen;
    total += kept;
    doc.text(`${g.paidOn ? formatDate(g.paidOn) : ''}　${g.project.title}　${g.charity.name}`, { lineGap: 2 });
    doc
      .fontSize(9)
      .fillColor('#444')
      .text(
        `商户订单号 ${g.outTradeNo}　金额 ${formatYuan(g.amountFen)}${g.refundedFen > 0 ? `（已退款 ${formatYuan(g.refundedFen)}）` : ''}　票据：${RECEIPT_STATE_LABELS[g.receipt.state]}${g.receipt.number ? ` ${g.receipt.number}` : ''}`,
        { lineGap: 6 },
      );
    doc.fontSize(11).fillColor('#000');
  }
  doc
    .moveDown(1)
    .fontSize(12)
    .text(`合计 ${gifts.length} 笔，扣除退款后 ${formatYuan(total)}`);
  return finish(doc);
}
