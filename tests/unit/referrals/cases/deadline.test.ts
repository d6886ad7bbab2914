import { describe, expect, it } from 'vitest';
import { answerDeadline, countdown, countdownText } from '../../../../referrals/cases/deadline.ts';

describe('the answer deadline', () => {
  it.each([
    // Wednesday + 5 working days → next Wednesday.
    ['2026-06-10', '2026-06-17'],
    // Across 端午 (2026-06-19 Friday off): Tuesday 06-16 + 5 → Wednesday 06-24.
    ['2026-06-16', '2026-06-24'],
    // Before 国庆 2026 (10-01..07 off, 10-10 Saturday worked).
    ['2026-09-29', '2026-10-12'],
  ])('offered %s → due %s', (offered, due) => {
    expect(answerDeadline(offered, 5)).toBe(due);
  });

  it.each([
    ['2026-06-10', '2026-06-17', '还剩 5 个工作日', false],
    ['2026-06-17', '2026-06-17', '今天截止', false],
    ['2026-06-18', '2026-06-17', '已逾期 1 个工作日', true],
    // The weekend after a Friday deadline still counts as overdue, by at least one day.
    ['2026-06-13', '2026-06-12', '已逾期 1 个工作日', true],
    ['2026-06-22', '2026-06-17', '已逾期 2 个工作日', true],
  ])('on %s with deadline %s: %s', (today, deadline, text, overdue) => {
    const c = countdown(today, deadline);
    expect(c.overdue).toBe(overdue);
    expect(countdownText(c)).toBe(text);
  });
});
