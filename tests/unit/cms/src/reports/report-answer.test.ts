import { describe, expect, it } from 'vitest';
import { keyOfLabelled, labelledEnumOf, labelledValue } from '../../../../../cms/src/lib/schema-kit.ts';
import { applyAnswer, type StoredReport } from '../../../../../cms/src/reports/report-answer.ts';
import { REPORT_HANDLING_STATUSES, REPORT_KINDS } from '../../../../../content/schemas/report.ts';

/** What an update of a report may do (cms/src/reports/report-guard.ts runs this on every update). */
const stored: StoredReport = {
  reference: 'JB-20261204-7K3QX9',
  kind: labelledValue(REPORT_KINDS, 'funds-misused'),
  text: '第二季度信息公开列的是办公设备采购。',
  contact: '13812345678',
  receivedAt: '2026-12-04T02:00:00.000Z',
  deadline: '2026-12-11',
  handlingStatus: labelledValue(REPORT_HANDLING_STATUSES, 'pending'),
  answer: null,
  answeredAt: null,
  overdue: false,
};
const ANSWERED = labelledValue(REPORT_HANDLING_STATUSES, 'answered');
const IN_PROGRESS = labelledValue(REPORT_HANDLING_STATUSES, 'in-progress');
const now = new Date('2026-12-08T02:00:00Z');

describe('applyAnswer', () => {
  it('stamps the answer time when a report is answered, and keeps the overdue flag with it', () => {
    const verdict = applyAnswer(stored, { handlingStatus: ANSWERED, answer: '已核实并补充公开。' }, now);
    expect(verdict).toEqual({
      ok: true,
      data: { handlingStatus: ANSWERED, answer: '已核实并补充公开。', answeredAt: now.toISOString(), overdue: false },
    });
    const late = applyAnswer(
      stored,
      { handlingStatus: ANSWERED, answer: '已核实。' },
      new Date('2026-12-12T02:00:00Z'),
    );
    expect(late.ok && late.data.overdue).toBe(true);
  });

  it('takes a given answer time inside receipt…now, and refuses one outside', () => {
    const given = applyAnswer(
      stored,
      { handlingStatus: ANSWERED, answer: '电话答复。', answeredAt: '2026-12-05T03:00:00.000Z' },
      now,
    );
    expect(given.ok && given.data.answeredAt).toBe('2026-12-05T03:00:00.000Z');
    expect(
      applyAnswer(stored, { handlingStatus: ANSWERED, answer: 'x', answeredAt: '2026-12-01T00:00:00Z' }, now),
    ).toMatchObject({ ok: false, field: 'answeredAt', message: expect.stringContaining('不能早于') });
    expect(
      applyAnswer(stored, { handlingStatus: ANSWERED, answer: 'x', answeredAt: '2026-12-09T00:00:00Z' }, now),
    ).toMatchObject({ ok: false, field: 'answeredAt', message: expect.stringContaining('不能晚于现在') });
  });

  it('needs an answer for 已答复, and clears the answer time for the other states', () => {
    expect(applyAnswer(stored, { handlingStatus: ANSWERED, answer: '   ' }, now)).toMatchObject({
      ok: false,
      field: 'answer',
    });
    const answered = { ...stored, handlingStatus: ANSWERED, answer: '已答复', answeredAt: '2026-12-05T03:00:00.000Z' };
    const reopened = applyAnswer(answered, { handlingStatus: IN_PROGRESS }, now);
    expect(reopened).toEqual({ ok: true, data: { handlingStatus: IN_PROGRESS, answeredAt: null, overdue: false } });
    expect(applyAnswer(stored, { handlingStatus: '已答复' }, now)).toMatchObject({
      ok: false,
      field: 'handlingStatus',
    });
  });

  it('refuses a change of anything the reporter sent; unchanged copies and Strapi’s own keys pass', () => {
    expect(applyAnswer(stored, { text: '改写的内容' }, now)).toMatchObject({
      ok: false,
      field: 'text',
      message: expect.stringContaining('“具体情况”是举报人提交的内容'),
    });
    expect(applyAnswer(stored, { receivedAt: '2026-12-10T02:00:00.000Z' }, now)).toMatchObject({ field: 'receivedAt' });
    // The admin form sends every field back; the same values (a Date, an equal instant) are no change.
    const same = applyAnswer(
      stored,
      { ...stored, receivedAt: new Date(stored.receivedAt), overdue: true, updatedBy: 7, handlingStatus: IN_PROGRESS },
      now,
    );
    expect(same).toEqual({
      ok: true,
      data: { handlingStatus: IN_PROGRESS, answer: null, answeredAt: null, updatedBy: 7, overdue: false },
    });
  });
});

describe('labelled enumerations (Chinese in the admin, a stable key inside)', () => {
  it('round-trips every key and refuses anything else', () => {
    for (const key of Object.keys(REPORT_KINDS)) {
      expect(keyOfLabelled(REPORT_KINDS, labelledValue(REPORT_KINDS, key))).toBe(key);
    }
    expect(labelledValue(REPORT_HANDLING_STATUSES, 'in-progress')).toBe('处理中（in-progress）');
    expect(keyOfLabelled(REPORT_HANDLING_STATUSES, '已答复')).toBeNull();
    expect(keyOfLabelled(REPORT_HANDLING_STATUSES, '待处理（answered）')).toBeNull();
    expect(keyOfLabelled(REPORT_HANDLING_STATUSES, '（toString）')).toBeNull();
    expect(labelledEnumOf(REPORT_HANDLING_STATUSES, { default: 'pending' })).toMatchObject({
      type: 'enumeration',
      enum: ['待处理（pending）', '处理中（in-progress）', '已答复（answered）'],
      default: '待处理（pending）',
    });
  });
});
