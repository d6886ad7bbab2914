/**
 * The labels in front of a number say what it is: `身份证号` makes an ID of anything shaped like
 * one, `备案编号` or `订单号` makes even an ID-shaped number a filing or order number. Only the
 * nearest label counts (`身份证号已隐去，档案编号 1101…` is an archive number). Works on text
 * already normalised by `pii-lint.ts`.
 */

/** Labels of an ID number: 身份证号, 公民身份号码, 证件号码 and their variants. */
const ID_CUE = /身份证(?:件|号码|编号|号)?|公民身份号码?|身份号码?|证件(?:号码|编号|号)/g;
/** Labels of other personal numbers. */
const PERSONAL_CUE = /电话(?:号码)?|手机(?:号码|号)?|联系方式|卡号|银行卡|账号|帐号|开户/g;
/** Labels of numbers that identify no one: orders, filings, documents, organisations. */
const OTHER_CUE = /备案编号|备案号|订单号|交易号|流水号|单号|编号|票据号|文号|信用代码|登记证号|证书号/g;

export type NumberLabel = 'id' | 'personal' | 'other';

/** The few characters before `start`, back to the start of the sentence. */
export function leadIn(n: string, start: number, width = 12): string {
  const ctx = n.slice(Math.max(0, start - width), start);
  const cut = Math.max(...['。', '；', ';', '\n'].map((c) => ctx.lastIndexOf(c)));
  return ctx.slice(cut + 1);
}

/** The kind of the label nearest before `start` in the same sentence, or null when there is none. */
export function nearestLabel(n: string, start: number): NumberLabel | null {
  const ctx = leadIn(n, start);
  let best: { end: number; label: NumberLabel } | null = null;
  // Checked in this order so that, of two labels ending at the same place (证件编号 is both an ID
  // cue and ends in 编号), the more personal one wins.
  for (const [pattern, label] of [
    [OTHER_CUE, 'other'],
    [PERSONAL_CUE, 'personal'],
    [ID_CUE, 'id'],
  ] as const) {
    for (const m of ctx.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!best || end >= best.end) best = { end, label };
    }
  }
  return best?.label ?? null;
}

/** True when the nearest label before the number says it is an order, filing or document number. */
export function labelledNonPersonal(n: string, start: number): boolean {
  return nearestLabel(n, start) === 'other';
}

/**
 * True when an ID label stands before the number in the same sentence and no filing or order
 * label stands nearer (`身份证号和手机号：…` still counts; `身份证号已隐去，档案编号 …` does not).
 */
export function idCued(n: string, start: number): boolean {
  const ctx = leadIn(n, start);
  return nearestLabel(n, start) !== 'other' && [...ctx.matchAll(ID_CUE)].length > 0;
}

/** True when a card label (卡号, 银行卡, 账号) stands before the number in the same sentence. */
export function cardCued(n: string, start: number): boolean {
  return /卡号|银行卡|账号|帐号|开户/.test(leadIn(n, start));
}
