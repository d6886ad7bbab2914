import { formatCount, formatDate } from '../../../content/contracts/format.ts';
import { formatMoney } from '../../../content/contracts/money.ts';
import type { Campaign, TypicalCase } from '../../../content/index.ts';
import { PROJECT_STATUSES } from '../../../content/index.ts';
import type { ProjectView } from '../site-data.ts';
import type { ShareCard, ShareFigure } from './share-card.ts';

/**
 * The share card of each kind of page, from what that page already shows in its heading and
 * figures. No summary, story or body text: those are where a beneficiary could be described.
 */
export const DEFAULT_SHARE_CARD: ShareCard = {
  kind: '社会救助与慈善帮扶',
  title: '政府社会救助与慈善帮扶的公开衔接门户',
  subtitle: '救助需求 · 慈善项目 · 信息公开 · 典型案例',
  figures: [],
};

export function projectShareCard(view: ProjectView): ShareCard {
  const { project, charity, money } = view;
  const figures: ShareFigure[] = [{ label: '项目状态', value: PROJECT_STATUSES[project.status] }];
  if (project.plan) figures.push({ label: '募捐目标', value: formatMoney(project.plan.goalFen) });
  if (money.asOf) figures.push({ label: '已筹', value: formatMoney(money.raisedFen) });
  return {
    kind: '慈善项目',
    title: project.title,
    subtitle: `实施机构：${charity.name}`,
    figures,
    note: money.asOf ? `已筹金额截至${formatDate(money.asOf)}，来自本项目的信息公开` : undefined,
  };
}

export function typicalCaseShareCard(item: TypicalCase): ShareCard {
  return {
    kind: '典型案例',
    title: item.title,
    subtitle: item.source,
    figures: [
      { label: '年份', value: `${item.year}年` },
      { label: '发布日期', value: formatDate(item.publishedOn) },
    ],
  };
}

export function campaignShareCard(campaign: Campaign, projectCount: number): ShareCard {
  return {
    kind: '专题活动',
    title: campaign.title,
    subtitle: `主办：${campaign.organiser}`,
    figures: [
      { label: '开始', value: formatDate(campaign.window.start) },
      { label: '结束', value: formatDate(campaign.window.end) },
      { label: '参与项目', value: `${formatCount(projectCount)} 个` },
    ],
  };
}
