import type { ContentIssue } from './content.ts';
import { notAllowed } from './vocabularies.ts';

/**
 * Choice fields (src/custom-fields: one or several keys of a content/ vocabulary) checked on every
 * save, against the labels their schema attribute carries: Strapi's own check of an enumeration
 * answers in English with the keys only ("kind must be one of the following values: …"), and a
 * JSON list is not checked at all until the publish. Walks components, repeatable or not.
 */

interface Attribute {
  type: string;
  customField?: string;
  component?: string;
  options?: { labels?: Record<string, string> };
}
export type ModelOf = (uid: string) => { attributes: Record<string, Attribute> } | undefined;

function checkValue(value: unknown, labels: Record<string, string>, field: string): ContentIssue | null {
  if (value === null || value === undefined || value === '') return null;
  const values = Array.isArray(value) ? value : [value];
  const bad = values.find((v) => typeof v !== 'string' || !Object.hasOwn(labels, v));
  return bad === undefined ? null : { entry: '', field, message: notAllowed(bad, labels) };
}

export function choiceIssues(modelOf: ModelOf, uid: string, data: unknown, prefix = ''): ContentIssue[] {
  const model = modelOf(uid);
  if (!model || data === null || typeof data !== 'object') return [];
  const issues: ContentIssue[] = [];
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (!Object.hasOwn(data, name)) continue;
    const value = (data as Record<string, unknown>)[name];
    const path = prefix ? `${prefix}.${name}` : name;
    const labels = attribute.customField ? attribute.options?.labels : undefined;
    if (labels) {
      const issue = checkValue(value, labels, path);
      if (issue) issues.push(issue);
    } else if (attribute.type === 'component' && attribute.component && value) {
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, i) => {
        const at = Array.isArray(value) ? `${path}[${i}]` : path;
        issues.push(...choiceIssues(modelOf, attribute.component as string, item, at));
      });
    }
  }
  return issues;
}
