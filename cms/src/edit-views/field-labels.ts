import type { ModelOf } from '../lib/choice-check.ts';
import { ALL_VIEWS } from './apply-views.ts';

/**
 * How a message names a field to an editor: by the label the form shows it under (this folder's
 * views), not by its attribute name. A path into a component (`expenses[0].category`) names each
 * step: 「本期支出明细」第 1 项「支出类别」. `modelOf` (Strapi's `getModel`) says which component an
 * attribute holds; without it, or for a field no view labels, the attribute name is kept.
 */
const VIEWS = new Map(ALL_VIEWS.map((view) => [view.uid, view]));

/**
 * A component field's label by its name alone, when it is the same in every component that has
 * it (for when Strapi's models are not at hand to say which component a step is in).
 */
const COMPONENT_LABELS = new Map<string, string | null>();
for (const view of ALL_VIEWS) {
  if (view.uid.includes('::')) continue;
  for (const [name, f] of Object.entries(view.fields)) {
    const known = COMPONENT_LABELS.get(name);
    COMPONENT_LABELS.set(name, known === undefined || known === f.label ? f.label : null);
  }
}

/** `expenses[0].category` → `['expenses', 0, 'category']`. */
function steps(path: string): (string | number)[] {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((s): s is string => s !== undefined && s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The field's name for an editor, e.g. `「更正说明」`; null when no view labels its first step. */
export function fieldLabelOf(uid: string, path: string, modelOf?: ModelOf): string | null {
  let model: string | undefined = uid;
  const parts: string[] = [];
  for (const step of steps(path)) {
    if (typeof step === 'number') {
      parts.push(`第 ${step + 1} 项`);
      continue;
    }
    const label =
      (model ? VIEWS.get(model)?.fields[step]?.label : undefined) ??
      (parts.length > 0 ? (COMPONENT_LABELS.get(step) ?? undefined) : undefined);
    if (!label) {
      if (parts.length === 0) return null;
      parts.push(`「${step}」`);
      model = undefined;
      continue;
    }
    // The form's hint in brackets (「同意记录（不公开）」, 「筹款累计（元）」) is not part of the name.
    parts.push(`「${label.replace(/（[^（）]*）$/, '')}」`);
    model = model ? modelOf?.(model)?.attributes[step]?.component : undefined;
  }
  return parts.length > 0 ? parts.join('') : null;
}
