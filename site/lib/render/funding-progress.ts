import { formatDate } from '../../../content/contracts/format.ts';
import { percentOf, sharedMoneyUnit } from '../../../content/contracts/money.ts';
import type { LiveTotalsProps } from '../../islands/live-totals.tsx';
import type { ProjectView } from '../site-data.ts';

/**
 * Goal, raised and spent, baked at build time from the latest disclosure, as the props of the
 * live-totals island (site/islands/live-totals.tsx). The island renders them on the server —
 * without JavaScript, or when the API fails, they are what people see — and adds what was given
 * through this site from GET /api/projects/{slug}/stats.
 */
export function liveTotalsProps(view: ProjectView): LiveTotalsProps {
  const { project, money } = view;
  const goal = project.plan ? project.plan.goalFen : null;
  const percent = percentOf(money.raisedFen, goal ?? 0);
  return {
    slug: project.slug,
    goalFen: goal,
    raisedFen: money.raisedFen,
    spentFen: money.spentFen,
    // Goal, raised and spent are compared: one unit for the three, chosen here at build (the
    // island's up-front script is at its budget).
    unit: sharedMoneyUnit([goal ?? 0, money.raisedFen, money.spentFen]),
    note: money.asOf
      ? `数据截至 ${formatDate(money.asOf)} 的信息公开${percent !== null ? `，已达目标的 ${percent}%` : ''}。`
      : '项目尚未发布信息公开。',
  };
}
