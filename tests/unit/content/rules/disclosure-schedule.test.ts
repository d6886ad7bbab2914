import { describe, expect, it } from 'vitest';
import {
  type DisclosureSchedule,
  disclosureSchedule,
  disclosureTimeliness,
} from '../../../../content/rules/disclosure-schedule.ts';
import type { Disclosure } from '../../../../content/schemas/disclosure.ts';
import { makeDisclosure, makeProject } from '../../../support/fixtures/content.ts';

// A year of implementation (longer than 6 months) with a 6-month fundraising window. Due dates,
// worked out by hand: periodic 2024-04-01, 2024-07-01, 2024-10-01 (2025-01-01 is past the end);
// final report 2024-12-31 + 3 months = 2025-03-31.
const yearLong = makeProject({
  window: { start: '2024-01-01', end: '2024-06-30' },
  implementation: { start: '2024-01-01', end: '2024-12-31' },
  status: 'implementing',
});

const dues = (s: DisclosureSchedule) => s.items.map((i) => `${i.kind} ${i.dueOn}`);
const firstPeriodic = (s: DisclosureSchedule) => s.items.find((i) => i.kind === 'periodic');

describe('disclosureSchedule: periodic items', () => {
  it('lists every due item of the span, past and future, in due order', () => {
    const s = disclosureSchedule(yearLong, [], '2024-01-15');
    expect(dues(s)).toEqual([
      'periodic 2024-04-01',
      'periodic 2024-07-01',
      'periodic 2024-10-01',
      'final-report 2025-03-31',
    ]);
    expect(s.items.every((i) => i.status === 'upcoming')).toBe(true);
    expect(s.items.slice(0, 2).map((i) => [i.coversFrom, i.coversTo])).toEqual([
      ['2024-01-01', '2024-04-01'],
      ['2024-04-02', '2024-07-01'],
    ]);
    expect(s).toMatchObject({ total: 0, onTime: 0, late: 0, isOverdue: false, overdue: [] });
  });

  it.each([
    ['2024-04-01', '2024-05-01', 'on-time', 'published exactly on the due date'],
    ['2024-02-10', '2024-05-01', 'on-time', 'published early in the period'],
    ['2024-01-01', '2024-05-01', 'on-time', 'published on the first day'],
    ['2024-04-02', '2024-05-01', 'late', 'one day late'],
    ['2024-06-30', '2024-07-01', 'late', 'the day before the next due date'],
    ['2024-07-01', '2024-07-02', 'overdue', 'on the next due date it belongs to the next period'],
    ['2024-04-01', '2024-03-31', 'upcoming', 'published after today: not yet public'],
  ])('progress on %s, today %s → %s (%s)', (publishedOn, today, expected) => {
    const s = disclosureSchedule(yearLong, [makeDisclosure('d1', 'progress', publishedOn)], today);
    expect(firstPeriodic(s)?.status).toBe(expected);
    expect(firstPeriodic(s)?.satisfiedBy).toBe(expected === 'on-time' || expected === 'late' ? 'd1' : null);
  });

  it.each([
    ['2024-04-01', 'upcoming', 'due today and not yet published'],
    ['2024-04-02', 'overdue', 'the day after the due date'],
  ])('nothing published, today %s → %s (%s)', (today, expected) => {
    expect(firstPeriodic(disclosureSchedule(yearLong, [], today))?.status).toBe(expected);
  });

  it.each([
    ['progress', 'on-time'],
    ['fund-usage', 'on-time'],
    ['emergency', 'on-time'],
    ['final-report', 'on-time'],
    ['remaining-property', 'overdue'],
    ['correction', 'overdue'],
  ] as [Disclosure['kind'], string][])('a %s disclosure → %s', (kind, expected) => {
    const s = disclosureSchedule(yearLong, [makeDisclosure('d1', kind, '2024-03-20')], '2024-05-01');
    expect(firstPeriodic(s)?.status).toBe(expected);
  });

  it("ignores other projects' disclosures", () => {
    const other = makeDisclosure('d1', 'progress', '2024-03-20', { project: 'another-project' });
    expect(firstPeriodic(disclosureSchedule(yearLong, [other], '2024-05-01'))?.status).toBe('overdue');
  });

  it('lets one disclosure meet one periodic item only', () => {
    const s = disclosureSchedule(yearLong, [makeDisclosure('d1', 'progress', '2024-05-01')], '2024-08-01');
    expect(s.items.slice(0, 2).map((i) => [i.status, i.satisfiedBy])).toEqual([
      ['late', 'd1'],
      ['overdue', null],
    ]);
  });

  it('counts items due by today, and lists the overdue ones', () => {
    const s = disclosureSchedule(
      yearLong,
      // Given out of order on purpose.
      [makeDisclosure('d2', 'fund-usage', '2024-07-05'), makeDisclosure('d1', 'progress', '2024-03-15')],
      '2024-11-01',
    );
    expect(s.items.map((i) => i.status)).toEqual(['on-time', 'late', 'overdue', 'upcoming']);
    expect(s).toMatchObject({ onTime: 1, late: 1, total: 3, isOverdue: true });
    expect(s.overdue.map((i) => i.dueOn)).toEqual(['2024-10-01']);
  });
});

describe('disclosureSchedule: span and due dates', () => {
  it.each([
    [
      'month ends and a leap day',
      { start: '2023-11-30', end: '2024-11-29' },
      ['periodic 2024-02-29', 'periodic 2024-05-30', 'periodic 2024-08-30', 'final-report 2025-02-28'],
    ],
    [
      'a 31st does not drift after a clamped February',
      { start: '2024-08-31', end: '2025-08-30' },
      ['periodic 2024-11-30', 'periodic 2025-02-28', 'periodic 2025-05-31', 'final-report 2025-11-30'],
    ],
    ['exactly 6 months: no periodic items', { start: '2024-01-01', end: '2024-06-30' }, ['final-report 2024-09-30']],
    [
      '6 months and a day',
      { start: '2024-01-01', end: '2024-07-01' },
      ['periodic 2024-04-01', 'final-report 2024-10-01'],
    ],
  ])('implementation only, %s', (_label, implementation, expected) => {
    const project = makeProject({ window: null, implementation });
    expect(dues(disclosureSchedule(project, [], '2023-01-01'))).toEqual(expected);
  });

  it('a long fundraising window makes a short project periodic over the whole span', () => {
    const project = makeProject({
      window: { start: '2024-01-01', end: '2024-09-30' },
      implementation: { start: '2024-03-01', end: '2024-05-31' },
    });
    expect(dues(disclosureSchedule(project, [], '2024-01-01'))).toEqual([
      'periodic 2024-04-01',
      'periodic 2024-07-01',
      'final-report 2024-12-30',
    ]);
  });

  it('the span runs from the earliest start to the latest end', () => {
    const project = makeProject({
      window: { start: '2024-01-01', end: '2024-03-31' },
      implementation: { start: '2024-02-01', end: '2024-12-31' },
    });
    const s = disclosureSchedule(project, [], '2024-01-01');
    expect(dues(s)).toEqual([
      'periodic 2024-04-01',
      'periodic 2024-07-01',
      'periodic 2024-10-01',
      'final-report 2025-03-31',
    ]);
    expect(s.items.at(-1)).toMatchObject({ coversFrom: '2024-01-01', coversTo: '2024-12-31' });
  });

  it('a disclosure on 29 February meets a leap-day due date on time; 1 March is late', () => {
    const project = makeProject({ window: null, implementation: { start: '2023-11-30', end: '2024-11-29' } });
    const onTime = disclosureSchedule(project, [makeDisclosure('d1', 'progress', '2024-02-29')], '2024-04-01');
    const late = disclosureSchedule(project, [makeDisclosure('d1', 'progress', '2024-03-01')], '2024-04-01');
    expect(firstPeriodic(onTime)?.status).toBe('on-time');
    expect(firstPeriodic(late)?.status).toBe('late');
  });
});

describe('disclosureSchedule: final report and remaining property', () => {
  const final = (s: DisclosureSchedule) => s.items.find((i) => i.kind === 'final-report');

  it.each([
    ['2024-12-01', '2025-04-02', 'on-time', 'written 30 days before the end'],
    ['2024-11-30', '2025-04-02', 'overdue', 'too early to be the final account'],
    ['2025-03-31', '2025-04-02', 'on-time', 'on the due date'],
    ['2025-04-01', '2025-04-02', 'late', 'a day after'],
  ])('final report on %s, today %s → %s (%s)', (publishedOn, today, expected) => {
    const s = disclosureSchedule(yearLong, [makeDisclosure('f1', 'final-report', publishedOn)], today);
    expect(final(s)?.status).toBe(expected);
  });

  it.each([
    ['2025-03-31', 'upcoming'],
    ['2025-04-01', 'overdue'],
  ])('no final report, today %s → %s', (today, expected) => {
    expect(final(disclosureSchedule(yearLong, [], today))?.status).toBe(expected);
  });

  it.each([
    ['completed', true],
    ['terminated', true],
    ['implementing', false],
    ['fundraising', false],
  ])('status %s → remaining-property item: %s', (status, expected) => {
    const project = makeProject({ window: null, implementation: { start: '2024-01-01', end: '2024-03-31' }, status });
    const items = disclosureSchedule(project, [], '2024-08-01').items;
    expect(items.some((i) => i.kind === 'remaining-property')).toBe(expected);
  });

  it('remaining property is due 3 months after the end and met by its own kind only', () => {
    const project = makeProject({
      window: null,
      implementation: { start: '2024-01-01', end: '2024-03-31' },
      status: 'completed',
    });
    const item = (ds: Disclosure[]) =>
      disclosureSchedule(project, ds, '2024-08-01').items.find((i) => i.kind === 'remaining-property');
    expect(item([])).toMatchObject({ dueOn: '2024-06-30', status: 'overdue' });
    expect(item([makeDisclosure('r1', 'remaining-property', '2024-05-10')])).toMatchObject({
      status: 'on-time',
      satisfiedBy: 'r1',
    });
    expect(item([makeDisclosure('r1', 'remaining-property', '2024-07-01')])?.status).toBe('late');
    expect(item([makeDisclosure('f1', 'final-report', '2024-05-10')])?.status).toBe('overdue');
  });
});

describe('disclosureSchedule: emergency receipts every 5 days', () => {
  const emergency = makeProject({ window: { start: '2024-01-01', end: '2024-01-20' }, emergency: true });
  const receipts = (s: DisclosureSchedule) => s.items.filter((i) => i.kind === 'emergency');

  it('is due every 5 days strictly inside the fundraising window', () => {
    const s = disclosureSchedule(emergency, [], '2024-01-01');
    expect(receipts(s).map((i) => i.dueOn)).toEqual(['2024-01-06', '2024-01-11', '2024-01-16']);
    expect(s.items.some((i) => i.kind === 'periodic')).toBe(false);
  });

  it('counts emergency and fund-usage disclosures, not progress notes', () => {
    const s = disclosureSchedule(
      emergency,
      [
        makeDisclosure('e1', 'emergency', '2024-01-06'),
        makeDisclosure('e2', 'fund-usage', '2024-01-12'),
        makeDisclosure('p1', 'progress', '2024-01-15'),
      ],
      '2024-01-20',
    );
    expect(receipts(s).map((i) => [i.status, i.satisfiedBy])).toEqual([
      ['on-time', 'e1'],
      ['late', 'e2'],
      ['overdue', null],
    ]);
    expect(s).toMatchObject({ onTime: 1, late: 1, total: 3, isOverdue: true });
  });

  it('needs a fundraising window', () => {
    const project = makeProject({ window: null, emergency: true });
    expect(disclosureSchedule(project, [], '2026-02-01').items.map((i) => i.kind)).toEqual(['final-report']);
  });

  it('one disclosure may meet both an emergency receipt and a periodic item', () => {
    const project = makeProject({ window: { start: '2024-01-01', end: '2024-12-31' }, emergency: true });
    const s = disclosureSchedule(project, [makeDisclosure('e1', 'emergency', '2024-01-06')], '2024-01-07');
    expect(s.items.find((i) => i.kind === 'periodic')).toMatchObject({ dueOn: '2024-04-01', satisfiedBy: 'e1' });
    expect(receipts(s)[0]).toMatchObject({ dueOn: '2024-01-06', status: 'on-time', satisfiedBy: 'e1' });
    expect(receipts(s)[1]).toMatchObject({ dueOn: '2024-01-11', status: 'upcoming', satisfiedBy: null });
  });

  it("a receipt one day after a due date is that slot's late receipt, not the next slot's", () => {
    // Day 90 (2024-03-31) and day 95 (2024-04-05) are due; 2024-04-01 falls between them.
    const project = makeProject({ window: { start: '2024-01-01', end: '2024-12-31' }, emergency: true });
    const s = disclosureSchedule(project, [makeDisclosure('e1', 'emergency', '2024-04-01')], '2024-04-06');
    const around = receipts(s).filter((i) => i.dueOn === '2024-03-31' || i.dueOn === '2024-04-05');
    expect(around.map((i) => [i.dueOn, i.status, i.satisfiedBy])).toEqual([
      ['2024-03-31', 'late', 'e1'],
      ['2024-04-05', 'overdue', null],
    ]);
  });
});

describe('disclosureTimeliness', () => {
  it('adds up schedules and gives the on-time share', () => {
    const a = disclosureSchedule(yearLong, [makeDisclosure('d1', 'progress', '2024-03-15')], '2024-11-01');
    const b = disclosureSchedule(yearLong, [], '2024-07-02');
    // a: 1 on time, 2 overdue of 3; b: 2 overdue of 2.
    expect(disclosureTimeliness([a, b])).toEqual({ onTime: 1, late: 0, overdue: 4, total: 5, shareOnTime: 0.2 });
  });

  it('has no share when nothing has fallen due', () => {
    const s = disclosureSchedule(yearLong, [], '2024-01-02');
    expect(disclosureTimeliness([s])).toEqual({ onTime: 0, late: 0, overdue: 0, total: 0, shareOnTime: null });
    expect(disclosureTimeliness([]).shareOnTime).toBeNull();
  });
});
