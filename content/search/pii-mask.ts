import { lintPii, type PiiKind } from '../index.ts';

/**
 * The build-time half of the PII rule (DESIGN.md: "The build runs the same lint again"): every
 * text that goes into a search document is linted with `content/`'s `lintPii`, and each finding
 * is replaced by a fixed mask, so neither the value nor its length reaches an index.
 */
export const PII_MASK = '＊＊＊';

export interface MaskedText {
  text: string;
  kinds: PiiKind[];
}

export function maskPii(text: string): MaskedText {
  const findings = lintPii(text);
  if (findings.length === 0) return { text, kinds: [] };
  let out = '';
  let at = 0;
  for (const f of findings) {
    out += text.slice(at, f.start) + PII_MASK;
    at = f.end;
  }
  out += text.slice(at);
  return { text: out, kinds: [...new Set(findings.map((f) => f.kind))] };
}
