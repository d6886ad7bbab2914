import { describe, expect, it } from 'vitest';
import { ALL_VIEWS } from '../../../../../cms/src/edit-views/apply-views.ts';
import { fieldLabelOf } from '../../../../../cms/src/edit-views/field-labels.ts';
import type { ModelOf } from '../../../../../cms/src/lib/choice-check.ts';

/** The two models the paths below walk through (Strapi's getModel while it runs). */
const modelOf: ModelOf = (uid) =>
  uid === 'api::disclosure.disclosure'
    ? { attributes: { expenses: { type: 'component', component: 'disclosure.expense-line' } } }
    : undefined;

describe('fieldLabelOf: a message names a field as the form labels it', () => {
  it('names a field by its label, without the form’s bracketed hint', () => {
    expect(fieldLabelOf('api::case-summary.case-summary', 'situation')).toBe('「基本情况」');
    expect(fieldLabelOf('api::case-summary.case-summary', 'consent')).toBe('「同意记录」');
    expect(fieldLabelOf('api::disclosure.disclosure', 'correctionReason')).toBe('「更正说明」');
  });

  it('names each step of a path into a repeatable component, counting from 1', () => {
    expect(fieldLabelOf('api::disclosure.disclosure', 'expenses[1].category', modelOf)).toBe(
      '「支出明细」第 2 项「支出类别」',
    );
    expect(fieldLabelOf('api::project.project', 'targetGroups[0]')).toBe('「帮扶对象」第 1 项');
  });

  it('keeps the attribute name past a step it cannot label, and says null when it can label nothing', () => {
    expect(fieldLabelOf('api::disclosure.disclosure', 'expenses[0].nothing', modelOf)).toBe(
      '「支出明细」第 1 项「nothing」',
    );
    // Without Strapi's models, a component field is still named when its label is the same everywhere.
    expect(fieldLabelOf('api::disclosure.disclosure', 'expenses[0].category')).toBe('「支出明细」第 1 项「支出类别」');
    expect(fieldLabelOf('api::project.project', 'noSuchField')).toBeNull();
    expect(fieldLabelOf('api::nothing.nothing', 'title')).toBeNull();
  });

  it('has a label for every field of every view (no message falls back for a field on a form)', () => {
    for (const view of ALL_VIEWS) {
      for (const name of Object.keys(view.fields))
        expect(fieldLabelOf(view.uid, name), `${view.uid}.${name}`).toMatch(/^「.+」$/);
    }
  });
});
