import { describe, expect, it } from 'vitest';
import {
  CORRECTION_FIELD_LABELS,
  type CorrectedCollection,
  canonicalJson,
  changedFields,
  correctionFieldValues,
  describeChangedFields,
} from '../../../../content/rules/correction-diff.ts';
import { lintEntryText } from '../../../../content/rules/publish-lint.ts';
import { disclosureSchema } from '../../../../content/schemas/disclosure.ts';
import { fundraisingPlanSchema, projectSchema } from '../../../../content/schemas/project.ts';
import { makeDisclosure, makeProject } from '../../../support/fixtures/content.ts';

const diff = (collection: CorrectedCollection, before: object, after: object) =>
  changedFields(
    collection,
    correctionFieldValues(collection, before as Record<string, unknown>),
    correctionFieldValues(collection, after as Record<string, unknown>),
  );

describe('correction field labels', () => {
  it('name every public field of a project and of its plan (a new field cannot go unnamed)', () => {
    const labels = Object.keys(CORRECTION_FIELD_LABELS.projects);
    const top = Object.keys(projectSchema.shape).filter((k) => k !== 'corrections');
    expect(labels.filter((p) => !p.includes('.')).sort()).toEqual(top.sort());
    const plan = Object.keys(fundraisingPlanSchema.shape).map((k) => `plan.${k}`);
    expect(labels.filter((p) => p.startsWith('plan.')).sort()).toEqual(plan.sort());
  });

  it('name every public field of a disclosure', () => {
    const top = Object.keys(disclosureSchema.shape).filter((k) => k !== 'corrections');
    expect(Object.keys(CORRECTION_FIELD_LABELS.disclosures).sort()).toEqual(top.sort());
  });

  it('are Chinese words', () => {
    for (const labels of Object.values(CORRECTION_FIELD_LABELS)) {
      for (const label of Object.values(labels)) expect(label).toMatch(/^[\u4e00-\u9fff（）]+$/);
    }
  });
});

describe('changedFields', () => {
  const project = makeProject();
  const disclosure = makeDisclosure('jinzhan-01', 'progress', '2026-04-05');

  it('finds nothing when nothing public changed, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(project).reverse());
    expect(diff('projects', project, reordered)).toEqual([]);
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(canonicalJson({ a: [1, { c: 3, d: 2 }], b: 1 }));
  });

  it('names each changed field in label order', () => {
    const after = { ...disclosure, body: `${disclosure.body}（已核对）`, title: '第一季度进展（更正）' };
    expect(diff('disclosures', disclosure, after)).toEqual(['title', 'body']);
  });

  it('names a changed expense line as the expense list', () => {
    const before = makeDisclosure('jinzhan-02', 'progress', '2026-04-05', {
      expenses: [
        { date: '2026-02-01', item: '助学金', category: 'materials', amountFen: 100, beneficiariesReached: 1 },
      ],
    });
    const after = { ...before, expenses: [{ ...(before.expenses[0] as object), date: '2026-02-02' }] };
    expect(diff('disclosures', before, after)).toEqual(['expenses']);
  });

  it('names the plan field changed inside the plan, and the plan alone when it is added or removed', () => {
    const plan = project.plan as NonNullable<typeof project.plan>;
    expect(diff('projects', project, { ...project, plan: { ...plan, goalFen: plan.goalFen + 1 } })).toEqual([
      'plan.goalFen',
    ]);
    expect(diff('projects', project, { ...project, plan: null })).toEqual(['plan']);
    expect(diff('projects', { ...project, plan: null }, project)).toEqual(['plan']);
  });

  it('ignores the correction history itself', () => {
    const after = { ...project, corrections: [{ date: '2026-01-05', fields: ['title'], reason: '标题有错别字。' }] };
    expect(diff('projects', project, after)).toEqual([]);
  });

  it('works on digests of the values as well (what the CMS stores)', () => {
    const digest = (v: Record<string, string>) =>
      Object.fromEntries(Object.entries(v).map(([k, s]) => [k, String(s.length) + s.slice(0, 3)]));
    const before = digest(correctionFieldValues('projects', project));
    const after = digest(correctionFieldValues('projects', { ...project, summary: `${project.summary}。` }));
    expect(changedFields('projects', before, after)).toEqual(['summary']);
  });

  it('says what changed in Chinese', () => {
    expect(describeChangedFields('projects', ['plan.goalFen', 'story'])).toBe('募捐目标金额、项目介绍');
    expect(describeChangedFields('disclosures', ['raisedToDateFen', 'expenses'])).toBe('累计募得金额、支出明细');
  });
});

describe('correction history in the schemas', () => {
  const note = { date: '2026-01-10', fields: ['summary'], reason: '受益人数写错了，已按方案更正。' };

  it('is optional: an entry written before corrections existed has none', () => {
    const { corrections: _, ...older } = makeProject();
    expect(projectSchema.parse(older).corrections).toEqual([]);
    const { corrections: __, ...olderDisclosure } = makeDisclosure('jinzhan-03', 'progress', '2026-04-05');
    expect(disclosureSchema.parse(olderDisclosure).corrections).toEqual([]);
  });

  it('keeps a valid note', () => {
    expect(makeProject({ corrections: [note] }).corrections).toEqual([note]);
  });

  it.each([
    ['an unknown field', { ...note, fields: ['favouriteColour'] }, 'corrections.0.fields.0'],
    ['no field', { ...note, fields: [] }, 'corrections.0.fields'],
    ['a reason of two characters', { ...note, reason: '改了' }, 'corrections.0.reason'],
    ['a blank reason', { ...note, reason: '   ' }, 'corrections.0.reason'],
    ['a bad date', { ...note, date: '2026-02-30' }, 'corrections.0.date'],
  ])('refuses %s', (_label, bad, path) => {
    const result = projectSchema.safeParse({ ...makeProject(), corrections: [bad] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('refuses notes out of date order', () => {
    const result = disclosureSchema.safeParse({
      ...makeDisclosure('jinzhan-04', 'progress', '2026-04-05'),
      corrections: [
        { ...note, fields: ['body'] },
        { ...note, fields: ['title'], date: '2026-01-09' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('更正记录应按日期先后排列');
  });

  it('lints the reason for personal information like every public text', () => {
    const entry = {
      ...makeDisclosure('jinzhan-05', 'progress', '2026-04-05'),
      corrections: [{ ...note, fields: ['body'], reason: '应联系13812345678核实' }],
    };
    expect(lintEntryText('disclosures', entry)).toEqual([
      { entry: '', field: 'corrections[0].reason', message: '疑似手机号码：“138…”' },
    ]);
  });
});
