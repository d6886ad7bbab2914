import { addDays, maxDate, minDate } from '../content/rules/dates.ts';
import type { DateRange, IsoDate } from '../content/schemas/common.ts';
import type { ProjectStatus } from '../content/schemas/project.ts';
import type { Rng } from './random.ts';

/**
 * Where a project stands on `asOf`, and its dates. Everything is placed relative to `asOf`, so
 * whenever the demo is generated most fundraising windows are open, some have ended and some
 * have not begun; statuses always agree with the dates.
 */
export type Phase = 'open' | 'ended' | 'completed' | 'terminated' | 'preparing';

export interface Timeline {
  phase: Phase;
  window: DateRange | null;
  implementation: DateRange;
  status: ProjectStatus;
  filedOn: IsoDate | null;
  publishedOn: IsoDate;
}

const STATUS: Record<Phase, ProjectStatus> = {
  open: 'fundraising',
  ended: 'implementing',
  completed: 'completed',
  terminated: 'terminated',
  preparing: 'preparing',
};

const range = (start: IsoDate, end: IsoDate): DateRange => ({ start, end: maxDate(start, end) });

export function pickPhase(rng: Rng, withPlan: boolean): Phase {
  if (!withPlan) {
    return rng.weightedPairs<Phase>([
      ['ended', 0.65],
      ['completed', 0.3],
      ['preparing', 0.05],
    ]);
  }
  return rng.weightedPairs<Phase>([
    ['open', 0.58],
    ['ended', 0.14],
    ['completed', 0.18],
    ['terminated', 0.02],
    ['preparing', 0.08],
  ]);
}

/** A timeline for a project that raises public funds under a filed plan. */
export function planTimeline(rng: Rng, a: IsoDate, phase: Phase, emergency: boolean, maxDaysBack = 480): Timeline {
  const d = (n: number) => addDays(a, n);
  let ws: IsoDate;
  let we: IsoDate;
  let is: IsoDate;
  let ie: IsoDate;
  if (emergency) {
    ws = phase === 'open' ? d(-rng.int(6, 25)) : d(-rng.int(200, 500));
    we = addDays(ws, rng.int(30, 60));
    is = ws;
    ie = addDays(we, rng.int(30, 120));
  } else if (phase === 'open') {
    ws = d(-rng.int(20, Math.max(20, Math.min(480, maxDaysBack))));
    we = d(rng.int(15, 300));
    is = addDays(ws, rng.int(0, 20));
    ie = addDays(we, rng.int(30, 240));
  } else if (phase === 'ended') {
    we = d(-rng.int(5, 150));
    ws = addDays(we, -rng.int(60, 365));
    is = addDays(ws, rng.int(0, 30));
    ie = d(rng.int(20, 270));
  } else if (phase === 'completed' || phase === 'terminated') {
    ie = phase === 'completed' ? d(-rng.int(20, 600)) : d(-rng.int(20, 300));
    is = addDays(ie, -(phase === 'completed' ? rng.int(90, 540) : rng.int(60, 200)));
    ws = addDays(is, -rng.int(0, 20));
    we = maxDate(addDays(ws, 30), addDays(ie, -rng.int(0, 90)));
  } else {
    ws = d(rng.int(12, 90));
    we = addDays(ws, rng.int(60, 365));
    is = addDays(ws, rng.int(0, 20));
    ie = addDays(we, rng.int(30, 180));
  }
  const filedOn = minDate(addDays(ws, -rng.int(10, 30)), d(-rng.int(0, 5)));
  const publishedOn =
    phase === 'preparing' ? maxDate(filedOn, d(-rng.int(0, 10))) : minDate(a, addDays(ws, -rng.int(0, 7)));
  return {
    phase,
    window: range(ws, we),
    implementation: range(is, ie),
    status: STATUS[phase],
    filedOn,
    publishedOn: maxDate(publishedOn, filedOn),
  };
}

/** A timeline for a project without public fundraising (government purchase, directed gifts, grants). */
export function implementationTimeline(rng: Rng, a: IsoDate, phase: Phase): Timeline {
  const d = (n: number) => addDays(a, n);
  let is: IsoDate;
  let ie: IsoDate;
  if (phase === 'completed') {
    ie = d(-rng.int(20, 500));
    is = addDays(ie, -rng.int(90, 450));
  } else if (phase === 'preparing') {
    is = d(rng.int(5, 60));
    ie = addDays(is, rng.int(90, 365));
  } else {
    is = d(-rng.int(30, 420));
    ie = d(rng.int(30, 300));
  }
  return {
    phase,
    window: null,
    implementation: range(is, ie),
    status: phase === 'completed' ? 'completed' : phase === 'preparing' ? 'preparing' : 'implementing',
    filedOn: null,
    publishedOn: minDate(a, addDays(is, -rng.int(0, 10))),
  };
}
