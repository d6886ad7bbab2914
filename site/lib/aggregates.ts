import {
  type Campaign,
  type DisclosureTimeliness,
  type DueItem,
  daysBetween,
  disclosureTimeliness,
  TARGET_GROUPS,
  type TargetGroup,
} from '../../content/index.ts';
import type { ProjectView, SiteData } from './site-data.ts';

/**
 * Figures for the home page and the transparency dashboard, summed in integer fen. A project that
 * works in several provinces (or for several target groups) counts in each of them: splitting its
 * money by a guess would invent figures nobody disclosed, so the rows may add up to more than the
 * total, and the pages say so.
 */
export interface MoneyRow {
  key: string;
  label: string;
  projects: number;
  raisedFen: number;
  spentFen: number;
}

function memo<T>(fn: (site: SiteData) => T): (site: SiteData) => T {
  const cache = new WeakMap<SiteData, T>();
  return (site) => {
    if (!cache.has(site)) cache.set(site, fn(site));
    return cache.get(site) as T;
  };
}

function rowsBy(site: SiteData, keysOf: (v: ProjectView) => readonly string[], labelOf: (key: string) => string) {
  const rows = new Map<string, MoneyRow>();
  for (const v of site.projects) {
    for (const key of new Set(keysOf(v))) {
      let row = rows.get(key);
      if (!row) {
        row = { key, label: labelOf(key), projects: 0, raisedFen: 0, spentFen: 0 };
        rows.set(key, row);
      }
      row.projects += 1;
      row.raisedFen += v.money.raisedFen;
      row.spentFen += v.money.spentFen;
    }
  }
  return [...rows.values()];
}

export const moneyByProvince = memo((site: SiteData): MoneyRow[] =>
  rowsBy(
    site,
    (v) => v.provinceCodes,
    (code) => site.provinces.get(code) ?? code,
  ).sort((a, b) => b.raisedFen - a.raisedFen || (a.key < b.key ? -1 : 1)),
);

export const moneyByGroup = memo((site: SiteData): MoneyRow[] => {
  const order = Object.keys(TARGET_GROUPS);
  return rowsBy(
    site,
    (v) => v.project.targetGroups,
    (key) => TARGET_GROUPS[key as TargetGroup] ?? key,
  ).sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
});

export interface SiteTotals {
  projects: number;
  accepting: number;
  charities: number;
  raisedFen: number;
  spentFen: number;
  openNeeds: number;
  unansweredOpenNeeds: number;
  /** Households named by needs that a project has taken up (status 已对接). */
  householdsMatched: number;
  /** People or households reached, as the disclosed expense lines count them. */
  beneficiariesReached: number;
}

export const siteTotals = memo((site: SiteData): SiteTotals => {
  const t: SiteTotals = {
    projects: site.projects.length,
    accepting: 0,
    charities: site.charities.length,
    raisedFen: 0,
    spentFen: 0,
    openNeeds: 0,
    unansweredOpenNeeds: 0,
    householdsMatched: 0,
    beneficiariesReached: 0,
  };
  for (const v of site.projects) {
    if (v.accepting) t.accepting += 1;
    t.raisedFen += v.money.raisedFen;
    t.spentFen += v.money.spentFen;
    t.beneficiariesReached += v.money.beneficiariesReached;
  }
  for (const n of site.needs) {
    if (n.need.status === 'open') {
      t.openNeeds += 1;
      if (n.answeredBy.length === 0) t.unansweredOpenNeeds += 1;
    }
    if (n.need.status === 'matched') t.householdsMatched += n.need.households;
  }
  return t;
});

export interface TimelinessBucket {
  label: string;
  charities: number;
}

export interface TimelinessAcross {
  overall: DisclosureTimeliness;
  buckets: TimelinessBucket[];
  /** Charities with nothing due yet: no share can be given for them. */
  nothingDue: number;
}

const BUCKETS: { label: string; min: number }[] = [
  { label: '全部按时（100%）', min: 1 },
  { label: '90% 至 100% 以下', min: 0.9 },
  { label: '75% 至 90% 以下', min: 0.75 },
  { label: '50% 至 75% 以下', min: 0.5 },
  { label: '50% 以下', min: 0 },
];

export const timelinessAcrossCharities = memo((site: SiteData): TimelinessAcross => {
  const counts = BUCKETS.map(() => 0);
  let nothingDue = 0;
  for (const c of site.charities) {
    const share = c.timeliness.shareOnTime;
    if (share === null) {
      nothingDue += 1;
      continue;
    }
    const index = BUCKETS.findIndex((b) => share >= b.min);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return {
    overall: disclosureTimeliness(site.projects.map((v) => v.schedule)),
    buckets: BUCKETS.map((b, i) => ({ label: b.label, charities: counts[i] ?? 0 })),
    nothingDue,
  };
});

export interface OverdueEntry {
  view: ProjectView;
  /** The overdue obligations of this project, oldest first. */
  items: DueItem[];
  /** Days since the oldest of them fell due. */
  daysOverdue: number;
}

/** Projects with a disclosure obligation past its due date and not met, longest overdue first. */
export const overdueEntries = memo((site: SiteData): OverdueEntry[] =>
  site.projects
    .filter((view) => view.schedule.isOverdue)
    .map((view) => {
      const items = [...view.schedule.overdue].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
      return { view, items, daysOverdue: daysBetween((items[0] as DueItem).dueOn, site.today) };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.view.project.slug < b.view.project.slug ? -1 : 1)),
);

/** The campaign running today, else the next one to start, else the most recent one. */
export const currentCampaign = memo((site: SiteData): Campaign | null => {
  const { today } = site;
  const running = site.campaigns.find((c) => c.window.start <= today && today <= c.window.end);
  if (running) return running;
  const upcoming = site.campaigns
    .filter((c) => c.window.start > today)
    .sort((a, b) => (a.window.start < b.window.start ? -1 : 1));
  return upcoming[0] ?? site.campaigns[0] ?? null;
});
