import { addDays, daysBetween } from '../content/rules/dates.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { Disclosure, DisclosureKind, ExpenseLine } from '../content/schemas/disclosure.ts';
import type { TargetGroup } from '../content/schemas/taxonomy.ts';
import { type DisclosureEvent, passedQuarterlyDues, planEvents } from './disclosure-events.ts';
import {
  correctionText,
  type DisclosureTextContext,
  emergencyText,
  finalReportText,
  fundUsageText,
  progressText,
  remainingText,
} from './disclosure-texts.ts';
import { splitFen } from './format.ts';
import { stageOfGroup } from './group-themes.ts';
import type { ProjectModel } from './projects.ts';
import type { Rng } from './random.ts';
import { type ExpenseKind, fitsGroups, OVERHEAD_EXPENSES, SERVICE_THEMES } from './service-themes.ts';
import { SlugRegistry } from './slugs.ts';

const KIND_SLUG: Record<DisclosureKind, string> = {
  progress: 'jinzhan',
  'fund-usage': 'zijin',
  'final-report': 'jiexiang',
  'remaining-property': 'shengyu',
  emergency: 'yingji',
  correction: 'gengzheng',
};
// A progress note lists the period's spending as well: donors see where the money went each month, not only each quarter.
const SPENDING: readonly DisclosureKind[] = ['progress', 'fund-usage', 'emergency', 'final-report'];

/** Share of a range passed on day `t`, in (0, 1]; 0 before it starts. */
function progress(start: IsoDate, end: IsoDate, t: IsoDate): number {
  if (t < start) return 0;
  return Math.min(1, (daysBetween(start, t) + 1) / (daysBetween(start, end) + 1));
}

function raisedAt(m: ProjectModel, t: IsoDate): number {
  const p = m.project;
  if (p.plan) return Math.round(m.raisedTotalFen * progress(p.plan.window.start, p.plan.window.end, t) ** 0.7);
  // Without public fundraising, grants arrive in two tranches.
  const x = progress(p.implementation.start, p.implementation.end, t);
  return x === 0 ? 0 : x < 0.5 ? Math.round(m.raisedTotalFen / 2) : m.raisedTotalFen;
}

function spentAt(m: ProjectModel, t: IsoDate): number {
  const i = m.project.implementation;
  return Math.round(m.spentTotalFen * progress(i.start, i.end, t) ** 1.1);
}

function randomDate(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  return to <= from ? from : addDays(from, rng.int(0, daysBetween(from, to)));
}

/** Expense lines adding up to exactly `total` fen, dated within [from, to]. */
function expenseLines(rng: Rng, m: ProjectModel, total: number, from: IsoDate, to: IsoDate): ExpenseLine[] {
  if (total <= 0) return [];
  const groups = m.project.targetGroups;
  const direct: ExpenseKind[] = m.project.serviceTypes.flatMap((s) =>
    SERVICE_THEMES[s].expenses.filter((k) => fitsGroups(s, k.item, groups)),
  );
  const count = total < 200_000 ? 1 : rng.int(2, 4);
  const kinds = rng.sample(direct, count);
  const permille = m.project.plan?.managementCostPermille ?? 50;
  const weights = kinds.map(() => rng.float(1, 4));
  if (count >= 2 && rng.chance(0.5)) {
    kinds[kinds.length - 1] = rng.pick(OVERHEAD_EXPENSES);
    weights[weights.length - 1] = (weights.reduce((a, b) => a + b, 0) * permille * rng.float(0.4, 0.9)) / 1000;
  }
  const amounts = splitFen(total, weights);
  const lines = amounts.map((amountFen, i) => {
    const kind = kinds[Math.min(i, kinds.length - 1)] as ExpenseKind;
    return {
      date: randomDate(rng, from, to),
      item: kind.item,
      category: kind.category,
      amountFen,
      beneficiariesReached: kind.perPersonFen > 0 ? Math.max(1, Math.round(amountFen / kind.perPersonFen)) : 0,
    };
  });
  return lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Chooses the overdue projects: ongoing, longer than 6 months, not emergencies, with a quarterly
 * slot already due. About one in twelve, at least three when there are that many, and one of each
 * demo editor's charity where it has one.
 */
function chooseOverdue(rng: Rng, models: readonly ProjectModel[], asOf: IsoDate): Set<string> {
  const eligible = models.filter(
    (m) =>
      (m.project.status === 'fundraising' || m.project.status === 'implementing') &&
      !m.project.emergency &&
      passedQuarterlyDues(m.project, asOf).length > 0,
  );
  const chosen = new Set(eligible.filter(() => rng.chance(0.08)).map((m) => m.project.slug));
  for (const m of eligible) {
    if (chosen.size >= 3) break;
    chosen.add(m.project.slug);
  }
  // The CMS's two demo charity editors edit the first two charities by slug
  // (cms/src/bootstrap/demo-accounts.ts): each gets an overdue project to bring up to date, so the
  // demo shows an editor the 逾期未披露 flag and its cure (journey 2 walks it).
  const charities = [...new Set(models.map((m) => m.project.charity))].sort().slice(0, 2);
  for (const charity of charities) {
    const own = eligible.filter((m) => m.project.charity === charity);
    if (own.length > 0 && !own.some((m) => chosen.has(m.project.slug)))
      chosen.add((own[0] as ProjectModel).project.slug);
  }
  return chosen;
}

export interface DisclosureResult {
  disclosures: Disclosure[];
  overdue: Set<string>;
}

export function generateDisclosures(
  rng: Rng,
  models: readonly ProjectModel[],
  asOf: IsoDate,
  noteChance: number,
): DisclosureResult {
  const overdue = chooseOverdue(rng, models, asOf);
  const slugs = new SlugRegistry();
  const out: Disclosure[] = [];
  for (const m of models) {
    const events = planEvents(rng, m.project, asOf, overdue.has(m.project.slug), noteChance);
    let raised = 0;
    let spent = 0;
    let lastSpendEnd: IsoDate = m.project.implementation.start;
    let totalServed = 0;
    const made: Disclosure[] = [];
    events.forEach((e: DisclosureEvent) => {
      const prevRaised = raised;
      const at = e.kind === 'final-report' ? e.periodEnd : e.publishedOn;
      // A correction or a remaining-property note restates the totals; it does not move them.
      if (e.kind !== 'correction' && e.kind !== 'remaining-property') {
        raised = Math.max(raised, e.kind === 'final-report' ? m.raisedTotalFen : raisedAt(m, at));
      }
      let lines: ExpenseLine[] = [];
      if (SPENDING.includes(e.kind)) {
        const target = e.kind === 'final-report' ? m.spentTotalFen : spentAt(m, at);
        const next = Math.max(spent, Math.min(target, raised));
        const from = lastSpendEnd < e.periodStart ? e.periodStart : lastSpendEnd;
        lines = expenseLines(rng, m, next - spent, from, e.kind === 'final-report' ? e.periodEnd : e.publishedOn);
        spent = next;
        lastSpendEnd = addDays(e.kind === 'final-report' ? e.periodEnd : e.publishedOn, 1);
        totalServed += lines.reduce((a, l) => a + l.beneficiariesReached, 0);
      }
      const ctx: DisclosureTextContext = {
        projectTitle: m.project.title,
        counties: m.counties.map((c) => c.shortName),
        services: m.project.serviceTypes,
        periodStart: e.periodStart,
        periodEnd: e.periodEnd,
        publishedOn: e.publishedOn,
        n: e.n,
        raisedFen: raised,
        raisedDeltaFen: raised - prevRaised,
        spentFen: spent,
        lines,
        withPlan: m.project.plan !== null,
        groups: m.project.targetGroups,
        stage: stageOfGroup(
          m.project.targetGroups[0] as TargetGroup,
          m.variants[m.project.targetGroups[0] as TargetGroup],
        ),
      };
      const target = e.corrects === null ? null : (made[e.corrects] ?? null);
      const text =
        e.kind === 'fund-usage'
          ? fundUsageText(rng, ctx)
          : e.kind === 'progress'
            ? progressText(rng, ctx)
            : e.kind === 'emergency'
              ? emergencyText(rng, ctx)
              : e.kind === 'final-report'
                ? finalReportText(rng, ctx, Math.max(totalServed, m.planned))
                : e.kind === 'remaining-property'
                  ? remainingText(rng, ctx)
                  : correctionText(rng, {
                      title: target?.title ?? m.project.title,
                      publishedOn: target?.publishedOn ?? e.publishedOn,
                      lines: target?.expenses ?? [],
                    });
      made.push({
        slug: slugs.claim(`${m.project.slug}-${KIND_SLUG[e.kind]}-${String(e.n).padStart(2, '0')}`),
        project: m.project.slug,
        kind: e.kind,
        title: text.title,
        publishedOn: e.publishedOn,
        period: { start: e.periodStart, end: e.periodEnd },
        raisedToDateFen: raised,
        spentToDateFen: spent,
        body: text.body,
        expenses: lines,
        corrects: target ? target.slug : null,
        // A few get a correction note afterwards (corrections.ts).
        corrections: [],
      });
    });
    out.push(...made);
  }
  return { disclosures: out, overdue };
}
