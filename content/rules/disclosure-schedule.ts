import type { IsoDate } from '../schemas/common.ts';
import type { Disclosure, DisclosureKind } from '../schemas/disclosure.ts';
import type { Project } from '../schemas/project.ts';
import { addDays, addMonths, maxDate, minDate } from './dates.ts';

/**
 * Charity Law Art. 79 as a schedule of due disclosures (DOMAIN.md §2):
 * - fundraising or implementation longer than 6 months → at least every 3 months;
 * - a full account within 3 months after the end;
 * - remaining property, within 3 months after the project is completed or terminated;
 * - in a major emergency, receipts at least every 5 days while fundraising.
 * Judged against `today`, never the clock, so pages, the dashboard and tests agree.
 */
export type DueKind = 'periodic' | 'final-report' | 'remaining-property' | 'emergency';
export type DueStatus = 'on-time' | 'late' | 'overdue' | 'upcoming';

export interface DueItem {
  kind: DueKind;
  dueOn: IsoDate;
  coversFrom: IsoDate;
  coversTo: IsoDate;
  status: DueStatus;
  /** Slug of the disclosure that satisfied it, or null. */
  satisfiedBy: string | null;
}

export interface DisclosureSchedule {
  project: string;
  /** Every due item, past and future, ordered by due date. */
  items: DueItem[];
  overdue: DueItem[];
  isOverdue: boolean;
  /** Counted over items due on or before `today` (an item due today and not yet met is not counted). */
  onTime: number;
  late: number;
  total: number;
}

const PERIODIC_KINDS: readonly DisclosureKind[] = ['progress', 'fund-usage', 'emergency', 'final-report'];
const EMERGENCY_KINDS: readonly DisclosureKind[] = ['emergency', 'fund-usage'];
/** A final report written in the last weeks of a project still counts as the final account. */
const FINAL_REPORT_SLACK_DAYS = 30;

/** `a`–`b` (inclusive) is longer than 6 months when it reaches the same day 6 months on. */
function longerThanSixMonths(start: IsoDate, end: IsoDate): boolean {
  return end >= addMonths(start, 6);
}

/** The activity span: the union of the filed fundraising window and the implementation period. */
export function activitySpan(project: Project): { start: IsoDate; end: IsoDate } {
  const impl = project.implementation;
  const window = project.plan?.window;
  if (!window) return { start: impl.start, end: impl.end };
  return { start: minDate(window.start, impl.start), end: maxDate(window.end, impl.end) };
}

interface Slot {
  from: IsoDate;
  due: IsoDate;
  /** Exclusive bound of the late window. */
  lateBefore: IsoDate;
}

/**
 * Recurring slots due at `start + k·step` strictly before `end`. Each due date is computed from
 * `start`, not chained, so a 31st clamped to the 28th does not drift for the rest of the project.
 */
function recurringSlots(start: IsoDate, end: IsoDate, step: (from: IsoDate, k: number) => IsoDate): Slot[] {
  const dues: IsoDate[] = [];
  for (let k = 1; ; k++) {
    const due = step(start, k);
    if (due >= end) break;
    dues.push(due);
  }
  return dues.map((due, i) => ({
    from: i === 0 ? start : addDays(dues[i - 1] as IsoDate, 1),
    due,
    lateBefore: dues[i + 1] ?? end,
  }));
}

/**
 * Fills recurring slots in order. A disclosure meets at most one slot of a track: the earliest
 * unused one published in (previous due, due] is on time, else the earliest unused one published
 * after the due date and before the next one (or the end) is late. So a report after a missed
 * date is read as that period's late report: a charity that falls behind stays late until it
 * catches up with an extra disclosure, which is what "at least every 3 months" asks.
 */
function fillSlots(kind: DueKind, slots: Slot[], pool: Disclosure[], today: IsoDate): DueItem[] {
  const used = new Set<string>();
  return slots.map((slot, i) => {
    const prevDue = i === 0 ? null : (slots[i - 1] as Slot).due;
    const pick = (ok: (d: Disclosure) => boolean) => pool.find((d) => !used.has(d.slug) && ok(d)) ?? null;
    const onTime = pick((d) => (prevDue === null || d.publishedOn > prevDue) && d.publishedOn <= slot.due);
    const late = onTime ? null : pick((d) => d.publishedOn > slot.due && d.publishedOn < slot.lateBefore);
    const hit = onTime ?? late;
    if (hit) used.add(hit.slug);
    return {
      kind,
      dueOn: slot.due,
      coversFrom: slot.from,
      coversTo: slot.due,
      status: onTime ? 'on-time' : late ? 'late' : statusWithout(slot.due, today),
      satisfiedBy: hit?.slug ?? null,
    };
  });
}

function statusWithout(due: IsoDate, today: IsoDate): DueStatus {
  return today > due ? 'overdue' : 'upcoming';
}

function oneOff(kind: DueKind, from: IsoDate, to: IsoDate, due: IsoDate, match: Disclosure | null, today: IsoDate) {
  const item: DueItem = {
    kind,
    dueOn: due,
    coversFrom: from,
    coversTo: to,
    status: match ? (match.publishedOn <= due ? 'on-time' : 'late') : statusWithout(due, today),
    satisfiedBy: match?.slug ?? null,
  };
  return item;
}

const KIND_ORDER: Record<DueKind, number> = { emergency: 0, periodic: 1, 'final-report': 2, 'remaining-property': 3 };

export function disclosureSchedule(project: Project, disclosures: Disclosure[], today: IsoDate): DisclosureSchedule {
  // Only what is already public counts; a future-dated entry cannot have met an obligation yet.
  const own = disclosures
    .filter((d) => d.project === project.slug && d.kind !== 'correction' && d.publishedOn <= today)
    .sort((a, b) =>
      a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : a.slug < b.slug ? -1 : 1,
    );
  const ofKinds = (kinds: readonly DisclosureKind[]) => own.filter((d) => kinds.includes(d.kind));

  const span = activitySpan(project);
  const window = project.plan?.window ?? null;
  const items: DueItem[] = [];

  const long =
    longerThanSixMonths(project.implementation.start, project.implementation.end) ||
    (window !== null && longerThanSixMonths(window.start, window.end));
  if (long) {
    const slots = recurringSlots(span.start, span.end, (s, k) => addMonths(s, 3 * k));
    items.push(...fillSlots('periodic', slots, ofKinds(PERIODIC_KINDS), today));
  }

  // Receipts every 5 days apply to money being raised, so they follow the fundraising window.
  if (project.emergency && window !== null) {
    const slots = recurringSlots(window.start, window.end, (s, k) => addDays(s, 5 * k));
    items.push(...fillSlots('emergency', slots, ofKinds(EMERGENCY_KINDS), today));
  }

  const endDue = addMonths(span.end, 3);
  const earliestFinal = addDays(span.end, -FINAL_REPORT_SLACK_DAYS);
  const final = ofKinds(['final-report']).find((d) => d.publishedOn >= earliestFinal) ?? null;
  items.push(oneOff('final-report', span.start, span.end, endDue, final, today));

  if (project.status === 'completed' || project.status === 'terminated') {
    // A terminated project may end early, so any remaining-property note counts, whenever published.
    const note = ofKinds(['remaining-property'])[0] ?? null;
    items.push(oneOff('remaining-property', span.start, span.end, endDue, note, today));
  }

  items.sort((a, b) => (a.dueOn === b.dueOn ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] : a.dueOn < b.dueOn ? -1 : 1));
  const counted = items.filter((i) => i.dueOn <= today && i.status !== 'upcoming');
  const overdue = items.filter((i) => i.status === 'overdue');
  return {
    project: project.slug,
    items,
    overdue,
    isOverdue: overdue.length > 0,
    onTime: counted.filter((i) => i.status === 'on-time').length,
    late: counted.filter((i) => i.status === 'late').length,
    total: counted.length,
  };
}

export interface DisclosureTimeliness {
  onTime: number;
  late: number;
  overdue: number;
  total: number;
  /** onTime / total, or null when nothing has fallen due yet. */
  shareOnTime: number | null;
}

/** A charity's record across its projects' schedules. */
export function disclosureTimeliness(schedules: DisclosureSchedule[]): DisclosureTimeliness {
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  let total = 0;
  for (const s of schedules) {
    onTime += s.onTime;
    late += s.late;
    overdue += s.overdue.length;
    total += s.total;
  }
  return { onTime, late, overdue, total, shareOnTime: total === 0 ? null : onTime / total };
}
