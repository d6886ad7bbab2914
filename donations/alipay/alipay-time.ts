/**
 * Alipay's wire times are `yyyy-MM-dd HH:mm:ss` in Beijing time (UTC+8, no DST). Inside we use
 * ISO 8601 UTC strings.
 */
const OFFSET_MS = 8 * 3_600_000;
/** Refund times (`gmt_refund`) carry milliseconds: `2026-01-01 08:00:00.123`. */
const WIRE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?$/;

export function toAlipayTime(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** `2026-01-01 08:00:00` → `2026-01-01T00:00:00.000Z` (milliseconds kept); null when it is not a valid wire time. */
export function fromAlipayTime(text: string | undefined): string | null {
  const m = text ? WIRE.exec(text) : null;
  if (!m) return null;
  const [y, mo, d, h, mi, s, milli] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s, milli) - OFFSET_MS;
  const back = new Date(ms + OFFSET_MS);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(ms).toISOString();
}
