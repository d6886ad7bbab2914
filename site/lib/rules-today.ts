import { type IsoDate, type Snapshot, todayIso } from '../../content/index.ts';

/**
 * The day the content rules (fundraising windows, overdue flags) are judged against. Generated
 * data is judged at its own `asOf`, so the demo shows the same flags on every build and in every
 * test; real content is judged today (Asia/Shanghai).
 */
export function rulesToday(snapshot: Pick<Snapshot, 'demo' | 'asOf'>, now: Date = new Date()): IsoDate {
  return snapshot.demo ? snapshot.asOf : todayIso(now);
}
