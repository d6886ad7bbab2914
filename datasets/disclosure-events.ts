import { addDays, addMonths, daysBetween, maxDate, minDate } from '../content/rules/dates.ts';
import { activitySpan } from '../content/rules/disclosure-schedule.ts';
import type { IsoDate } from '../content/schemas/common.ts';
import type { DisclosureKind } from '../content/schemas/disclosure.ts';
import type { Project } from '../content/schemas/project.ts';
import type { Rng } from './random.ts';

/**
 * When a project publishes what, following Charity Law Art. 79 as `content/rules/
 * disclosure-schedule.ts` reads it: for projects longer than 6 months a disclosure in every
 * 3-month slot counted from the start of the activity span; in an emergency, receipts every 5 days
 * of the window; a final report after the end and a note on remaining property. Monthly progress
 * notes fill the gaps, a few reports come late, and an "overdue" project stops publishing before
 * its last slot that has fallen due.
 */
export interface DisclosureEvent {
  kind: DisclosureKind;
  publishedOn: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Index of the event a correction corrects. */
  corrects: number | null;
  /** Periodic number (1-based) for quarterly reports, emergency receipts and notes. */
  n: number;
}

/** Due dates `start + k·step` strictly before `end`, computed from `start` like the rule does. */
function dues(start: IsoDate, end: IsoDate, step: (s: IsoDate, k: number) => IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let k = 1; ; k++) {
    const due = step(start, k);
    if (due >= end) return out;
    out.push(due);
  }
}

export function isLong(project: Project): boolean {
  const long = (r: { start: IsoDate; end: IsoDate }) => r.end >= addMonths(r.start, 6);
  return long(project.implementation) || (project.plan !== null && long(project.plan.window));
}

/** Quarterly due dates already passed on `asOf` (the ones an overdue project could miss). */
export function passedQuarterlyDues(project: Project, asOf: IsoDate): IsoDate[] {
  if (!isLong(project)) return [];
  const span = activitySpan(project);
  return dues(span.start, span.end, (s, k) => addMonths(s, 3 * k)).filter((d) => d < asOf);
}

interface Draft {
  kind: DisclosureKind;
  publishedOn: IsoDate;
  periodEnd: IsoDate;
  n: number;
  /** Published after its due date (then no note may fill the slot before it). */
  late?: boolean;
}

export function planEvents(
  rng: Rng,
  project: Project,
  asOf: IsoDate,
  overdue: boolean,
  noteChance = 0.75,
): DisclosureEvent[] {
  if (project.status === 'preparing' || project.publishedOn > asOf) return [];
  const span = activitySpan(project);
  if (span.start >= asOf) return [];
  const drafts: Draft[] = [];
  const window = project.plan?.window ?? null;

  // Emergency receipts: one in every 5-day slot of the fundraising window.
  if (project.emergency && window) {
    const eDues = dues(window.start, window.end, (s, k) => addDays(s, 5 * k)).filter((d) => d < asOf);
    eDues.forEach((due, i) => {
      const pub = addDays(due, -rng.int(0, 1));
      drafts.push({ kind: 'emergency', publishedOn: pub, periodEnd: pub, n: i + 1 });
    });
  }

  // Quarterly reports.
  const qDues = isLong(project) ? dues(span.start, span.end, (s, k) => addMonths(s, 3 * k)) : [];
  const passed = qDues.filter((d) => d < asOf);
  const cutoff = overdue ? passed.length - 1 : passed.length;
  let stopAfter: IsoDate | null = null;
  for (let i = 0; i < passed.length; i++) {
    const due = passed[i] as IsoDate;
    if (i >= cutoff) {
      stopAfter = i === 0 ? span.start : (drafts.filter((d) => d.kind === 'fund-usage').at(-1)?.publishedOn ?? null);
      break;
    }
    const next = qDues[i + 1] ?? span.end;
    let pub = addDays(due, -rng.int(0, 12));
    let periodEnd = pub;
    let isLate = false;
    if (!overdue && !project.emergency && rng.chance(0.1)) {
      const late = addDays(due, rng.int(3, 25));
      if (late < next && late < asOf) {
        pub = late;
        periodEnd = due;
        isLate = true;
      }
    }
    drafts.push({ kind: 'fund-usage', publishedOn: pub, periodEnd, n: i + 1, late: isLate });
  }

  // Monthly progress notes between the reports (or through a short project).
  const reports = drafts.filter((d) => d.kind === 'fund-usage');
  const anchors = [span.start, ...reports.map((d) => d.publishedOn)];
  const horizon = minDate(addDays(asOf, -1), span.end);
  const limit = stopAfter ?? horizon;
  const notes: IsoDate[] = [];
  for (let i = 0; i < anchors.length; i++) {
    const from = anchors[i] as IsoDate;
    const to = anchors[i + 1] ?? (qDues.length > 0 ? minDate(addMonths(from, 3), limit) : limit);
    const gap = daysBetween(from, to);
    // Before a late report the slot stays empty, so the schedule shows it as late.
    if (gap < 20 || reports[i]?.late) continue;
    const slots = qDues.length > 0 ? 2 : Math.max(1, Math.floor(gap / 35));
    for (let k = 1; k <= slots; k++) {
      const date = addDays(from, Math.round((gap * k) / (slots + 1)) + rng.int(-4, 4));
      if (date > from && date < to && date <= limit && rng.chance(noteChance)) notes.push(date);
    }
  }
  if (qDues.length === 0 && !project.emergency && span.end < asOf && rng.chance(0.8)) {
    const mid = addDays(span.start, Math.floor(daysBetween(span.start, span.end) / 2));
    drafts.push({ kind: 'fund-usage', publishedOn: mid, periodEnd: mid, n: 1 });
  }
  notes.forEach((date, i) => {
    drafts.push({ kind: 'progress', publishedOn: date, periodEnd: date, n: i + 1 });
  });

  // After the end: the final account and the remaining property.
  if (span.end < asOf && project.status !== 'fundraising' && project.status !== 'implementing') {
    const endDue = addMonths(span.end, 3);
    let final = minDate(addDays(span.end, rng.int(5, 70)), asOf);
    if (rng.chance(0.05) && addDays(endDue, 20) <= asOf) final = addDays(endDue, rng.int(1, 20));
    drafts.push({ kind: 'final-report', publishedOn: final, periodEnd: span.end, n: 1 });
    const rest = minDate(addDays(final, rng.int(0, 15)), asOf);
    drafts.push({ kind: 'remaining-property', publishedOn: rest, periodEnd: span.end, n: 1 });
  }

  // One event a day at most, in publication order; the period runs from the previous one.
  const order: Record<DisclosureKind, number> = {
    emergency: 0,
    'fund-usage': 1,
    progress: 2,
    'final-report': 3,
    'remaining-property': 4,
    correction: 5,
  };
  drafts.sort((a, b) =>
    a.publishedOn === b.publishedOn ? order[a.kind] - order[b.kind] : a.publishedOn < b.publishedOn ? -1 : 1,
  );
  const events: DisclosureEvent[] = [];
  let cursor = span.start;
  let last = '';
  for (const d of drafts) {
    if (d.publishedOn <= last && d.kind !== 'remaining-property') continue;
    if (d.publishedOn < span.start || d.publishedOn > asOf) continue;
    const whole = d.kind === 'final-report' || d.kind === 'remaining-property';
    const periodStart = whole ? span.start : cursor;
    const periodEnd = whole ? span.end : maxDate(d.periodEnd, periodStart);
    if (periodStart > d.publishedOn) continue;
    events.push({ kind: d.kind, publishedOn: d.publishedOn, periodStart, periodEnd, corrects: null, n: d.n });
    if (!whole) cursor = addDays(periodEnd, 1);
    last = d.publishedOn;
  }

  // Now and then a correction note, never a silent edit.
  if (events.length >= 2 && rng.chance(0.05)) {
    const j = rng.int(0, events.length - 2);
    const target = events[j] as DisclosureEvent;
    const next = events[j + 1] as DisclosureEvent;
    const pub = addDays(target.publishedOn, rng.int(1, 10));
    if ((target.kind === 'fund-usage' || target.kind === 'progress') && pub < next.publishedOn && pub <= asOf) {
      events.splice(j + 1, 0, {
        kind: 'correction',
        publishedOn: pub,
        periodStart: target.periodStart,
        periodEnd: target.periodEnd,
        corrects: j,
        n: 1,
      });
    }
  }
  return events;
}
