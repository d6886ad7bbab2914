import { escapeXml, formatDate, formatYuan } from '../../content/index.ts';

/**
 * 已募得 vs 已支出 of a project as a small SVG, built on the server: two labelled bars, the first
 * hatched and the second solid, each with its amount as text beside it, so it reads without
 * colour. Its label (and the sentence the page writes under it, which 长辈模式 enlarges) says the
 * figures, the spent share and their source date. Presentation attributes only,
 * no style attributes: the pages' Content-Security-Policy allows no inline style.
 */
export interface MoneyFigures {
  raisedFen: number;
  spentFen: number;
  /** The disclosure date the figures come from, or null when nothing is disclosed yet. */
  asOf: string | null;
}

const WIDTH = 320;
const BAR_X = 64;
const BAR_MAX = 150;

/** Bar length for `fen` out of `max`, at least 1 px for a non-zero amount so it stays visible. */
export function barLength(fen: number, max: number): number {
  if (max <= 0 || fen <= 0) return 0;
  // Integer arithmetic: fen are integers, the result is rounded to a whole pixel.
  return Math.max(1, Math.round((fen * BAR_MAX) / max));
}

/** `idSuffix` keeps the pattern's id unique when several charts share a page. */
export function moneyChartSvg(figures: MoneyFigures, idSuffix = 'chart'): string {
  const hatch = `hatch-${idSuffix.replace(/[^A-Za-z0-9-]/g, '')}`;
  const max = Math.max(figures.raisedFen, figures.spentFen);
  const raised = barLength(figures.raisedFen, max);
  const spent = barLength(figures.spentFen, max);
  const share =
    figures.raisedFen > 0 ? `（已支出占募得的 ${Math.floor((figures.spentFen * 100) / figures.raisedFen)}%）` : '';
  const source = figures.asOf ? `据 ${formatDate(figures.asOf)} 的信息公开` : '项目尚未公开收支';
  const label = `已募得 ${formatYuan(figures.raisedFen)}，已支出 ${formatYuan(figures.spentFen)}${share}，${source}`;
  const row = (y: number, name: string, length: number, fen: number, fill: string) =>
    `<text x="0" y="${y + 13}" font-size="13" fill="#222">${name}</text>` +
    `<rect x="${BAR_X}" y="${y}" width="${length}" height="18" fill="${fill}" stroke="#222" stroke-width="${length ? 1 : 0}"/>` +
    `<text x="${BAR_X + length + 6}" y="${y + 13}" font-size="13" fill="#222">${escapeXml(formatYuan(fen))}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} 56" width="100%" role="img" aria-label="${escapeXml(label)}">` +
    `<title>${escapeXml(label)}</title>` +
    `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    '<rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#222" stroke-width="2"/></pattern></defs>' +
    row(4, '已募得', raised, figures.raisedFen, `url(#${hatch})`) +
    row(32, '已支出', spent, figures.spentFen, '#222') +
    '</svg>'
  );
}
