/**
 * An amount in 元 as a person types it → integer fen, exactly: the text is split at the decimal
 * point and read as digits, never through a float (0.29 × 100 is 28.999… in binary). Full-width
 * digits, point, comma and ¥ (Chinese input methods), thousands separators, a leading ¥ and a
 * trailing 元 are accepted. The one reader of typed yuan for the donate form
 * (site/islands/yuan-to-fen.ts) and the CMS's amount fields (cms/src/admin/money.ts); each says
 * what went wrong in its own words, by the `problem` code.
 */
export type YuanTextProblem = 'NEGATIVE' | 'TOO_MANY_DECIMALS' | 'NOT_A_NUMBER' | 'TOO_LARGE';

/** `fen` is null when nothing was typed; `fen` is always a safe integer. */
export type YuanText = { ok: true; fen: number | null } | { ok: false; problem: YuanTextProblem };

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0c\uffe5]/g;
const SHAPE = /^(\d+)(?:\.(\d{1,2}))?$/;

const toHalfWidth = (text: string): string =>
  text.replace(FULL_WIDTH, (c) => (c === '\uffe5' ? '¥' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

export function readYuanText(input: string): YuanText {
  const text = toHalfWidth(input)
    .trim()
    .replace(/^¥\s*/, '')
    .replace(/\s*元$/, '')
    .replace(/[,\s]/g, '')
    .replace(/^(\d+)\.$/, '$1');
  if (text === '') return { ok: true, fen: null };
  if (/^-/.test(text)) return { ok: false, problem: 'NEGATIVE' };
  if (/^\d+\.\d{3,}$/.test(text)) return { ok: false, problem: 'TOO_MANY_DECIMALS' };
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, problem: 'NOT_A_NUMBER' };
  const fen = BigInt(m[1] ?? '0') * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'TOO_LARGE' };
  return { ok: true, fen: Number(fen) };
}
