import { formatDate, formatMoneyIn, formatYuan, percentOf } from '../content/index.ts';
import type { DecidedBy, RankedCandidate } from './routing.ts';

/**
 * Why a cause gift went where it went, in plain Chinese for the donor (shown on the confirm step
 * and the result page, kept in the ledger). Every figure is written with the formatters the
 * project page uses (`formatMoneyIn` its unit, `percentOf`, `formatDate`), from the same disclosure, so the
 * reason and the page say the same numbers: 已公开募得 and 已达目标的 N% as on the page, then what
 * was given through this site since, stated as such. No slugs, no ISO dates.
 */
export interface ReasonInput {
  causeLabel: string;
  candidateCount: number;
  overdueCount: number;
  chosen: RankedCandidate;
  second: RankedCandidate | undefined;
  decidedBy: DecidedBy;
  /** Set for a gift made on a campaign page: only that campaign's projects were candidates. */
  campaignTitle?: string | undefined;
}

const DECIDED: Record<DecidedBy, string> = {
  'only-candidate': '它是唯一符合条件的项目',
  'key-county': '它的实施地区在国家乡村振兴重点帮扶县，后者不在',
  'unmet-share': '它已筹得的金额占目标的比例更低，更缺钱',
  'window-end': '它的募捐期更早结束',
  slug: '前三项条件都相同，按项目网址的固定顺序选定',
};

export const ROUTING_RULES =
  '分配规则：先选实施地区在国家乡村振兴重点帮扶县的项目；再选已筹得金额占目标比例较低的项目' +
  '（已筹得金额按最近一次信息公开的“已公开募得”，加上其后本站的在线捐赠计算）；再选募捐期较早结束的项目；' +
  '以上都相同时，按项目网址的固定顺序选定。有逾期未披露信息公开的项目不参与分配。' +
  '在专题活动页面捐赠时，只在该活动的参与项目中选择。';

const percent = (fen: number, goalFen: number) => `${percentOf(fen, goalFen) ?? 0}%`;

/** The chosen project's money, in the project page's words and figures. */
export function moneySentence(c: RankedCandidate): string {
  // Goal and totals in the page's one unit; what was given here exact, as the page shows it.
  const money = (fen: number) => formatMoneyIn(fen, c.unit);
  const goal = `募捐目标 ${money(c.goalFen)}`;
  if (c.disclosedOn === null || c.coversTo === null) {
    return (
      `${goal}；项目尚未发布信息公开，本站在线捐赠 ${formatYuan(c.portalSinceFen)}，` +
      `已达目标的 ${percent(c.raisedFen, c.goalFen)}`
    );
  }
  return (
    `${goal}；据${formatDate(c.disclosedOn)}的信息公开，已公开募得 ${money(c.disclosedFen)}，` +
    `已达目标的 ${percent(c.disclosedFen, c.goalFen)}；${formatDate(c.coversTo)}之后本站在线捐赠 ` +
    `${formatYuan(c.portalSinceFen)}；两项合计 ${money(c.raisedFen)}，已达目标的 ${percent(c.raisedFen, c.goalFen)}`
  );
}

export function routingReason(input: ReasonInput): string {
  const { causeLabel, candidateCount, overdueCount, chosen, second, decidedBy, campaignTitle } = input;
  const left = overdueCount > 0 ? `（另有 ${overdueCount} 个项目有逾期未披露的信息公开，不参与分配）` : '';
  const within =
    campaignTitle === undefined ? '' : `您在专题活动「${campaignTitle}」的页面捐赠，只在该活动的参与项目中分配。`;
  const kind = campaignTitle === undefined ? '救助帮扶项目' : '参与项目';
  return (
    `${within}按捐赠方向「${causeLabel}」，正在接受捐赠且信息公开没有逾期的${kind}共 ${candidateCount} 个${left}。` +
    `选定「${chosen.title}」：实施地区${chosen.keyCounty ? '在' : '不在'}国家乡村振兴重点帮扶县；` +
    `${moneySentence(chosen)}；募捐期至${formatDate(chosen.windowEnd)}。` +
    (second ? `与排在第二的「${second.title}」相比，${DECIDED[decidedBy]}。` : `${DECIDED[decidedBy]}。`) +
    ROUTING_RULES
  );
}
