import { addDays, daysBetween, minDate } from '../content/rules/dates.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { DISCLOSURE_FIELD_LABELS, Disclosure } from '../content/schemas/disclosure.ts';
import type { PROJECT_FIELD_LABELS, Project } from '../content/schemas/project.ts';
import type { Rng } from './random.ts';

/**
 * A few published projects and disclosures get a correction history, as the CMS records one when
 * an editor changes a published entry (content/schemas/correction.ts), so the demo shows
 * 更正说明 on project pages and marks corrected disclosures in their timelines. The texts are
 * what was corrected, not the change itself: the entry as generated is the corrected version.
 */

interface Template<E, F extends string> {
  fields: readonly F[];
  reason: string;
  fits(entry: E): boolean;
}

type DisclosureTemplate = Template<Disclosure, keyof typeof DISCLOSURE_FIELD_LABELS>;
type ProjectTemplate = Template<Project, keyof typeof PROJECT_FIELD_LABELS>;

const DISCLOSURE_TEMPLATES: readonly DisclosureTemplate[] = [
  {
    fields: ['expenses'],
    reason: '原公开的一笔支出日期录入有误，已按原始票据更正。',
    fits: (d) => d.expenses.length > 0,
  },
  {
    fields: ['raisedToDateFen', 'spentToDateFen'],
    reason: '累计金额漏计了期末最后一笔到账和支出，已按银行回单核对后更正。',
    fits: (d) => d.kind !== 'remaining-property',
  },
  {
    fields: ['body'],
    reason: '正文中受益人次的统计口径有误，已按服务签到记录重新核对。',
    fits: () => true,
  },
  {
    fields: ['title', 'period'],
    reason: '标题和涵盖期间误写为上一季度，已更正为本次公开实际涵盖的期间。',
    fits: (d) => d.kind === 'progress' || d.kind === 'fund-usage',
  },
];

const PROJECT_TEMPLATES: readonly ProjectTemplate[] = [
  {
    fields: ['plan.beneficiarySelection'],
    reason: '补充受益人确定方式：增加在村（居）民委员会公示名单的环节。',
    fits: (p) => p.plan !== null,
  },
  {
    fields: ['summary'],
    reason: '项目简介中的计划受益人数与备案的募捐方案不一致，已按方案更正。',
    fits: () => true,
  },
  {
    fields: ['story', 'regions'],
    reason: '项目介绍和实施地区漏写了一个实施县，已补充。',
    fits: (p) => p.regions.length > 1,
  },
];

/** Entries published at least this many days before `asOf` may carry a correction. */
const MIN_AGE_DAYS = 3;

/** One or two notes, dated after `publishedOn` and no later than `asOf`. */
function notesFor<E, F extends string>(
  rng: Rng,
  entry: E,
  publishedOn: IsoDate,
  asOf: IsoDate,
  templates: readonly Template<E, F>[],
): { date: IsoDate; fields: F[]; reason: string }[] {
  const fitting = templates.filter((t) => t.fits(entry));
  const chosen = rng.sample(fitting, rng.chance(0.25) ? 2 : 1);
  const notes: { date: IsoDate; fields: F[]; reason: string }[] = [];
  let from = addDays(publishedOn, 1);
  for (const t of chosen) {
    const date = addDays(from, rng.int(0, Math.max(0, daysBetween(from, minDate(asOf, addDays(from, 60))))));
    notes.push({ date, fields: [...t.fields], reason: t.reason });
    from = date;
  }
  return notes;
}

function chooseCount(total: number): number {
  return Math.min(total, Math.max(4, Math.round(total / 100)));
}

/**
 * Copies of `projects` and `disclosures` in which about 1 % (at least 4 of each, when there are
 * that many) carry correction notes. The first corrected disclosure's project is corrected too,
 * so one project page shows both kinds.
 */
export function addCorrections(
  rng: Rng,
  projects: readonly Project[],
  disclosures: readonly Disclosure[],
  asOf: IsoDate,
): { projects: Project[]; disclosures: Disclosure[] } {
  const latest = addDays(asOf, -MIN_AGE_DAYS);
  const eligibleDisclosures = disclosures.filter((d) => d.kind !== 'correction' && d.publishedOn <= latest);
  const correctedDisclosures = new Set(
    rng.sample(eligibleDisclosures, chooseCount(eligibleDisclosures.length)).map((d) => d.slug),
  );
  const eligibleProjects = projects.filter((p) => p.publishedOn <= latest);
  const first = eligibleDisclosures.find((d) => correctedDisclosures.has(d.slug))?.project;
  const correctedProjects = new Set(
    rng.sample(eligibleProjects, chooseCount(eligibleProjects.length)).map((p) => p.slug),
  );
  if (first && eligibleProjects.some((p) => p.slug === first)) correctedProjects.add(first);

  return {
    projects: projects.map((p) =>
      correctedProjects.has(p.slug)
        ? { ...p, corrections: notesFor(rng, p, p.publishedOn, asOf, PROJECT_TEMPLATES) }
        : p,
    ),
    disclosures: disclosures.map((d) =>
      correctedDisclosures.has(d.slug)
        ? { ...d, corrections: notesFor(rng, d, d.publishedOn, asOf, DISCLOSURE_TEMPLATES) }
        : d,
    ),
  };
}
