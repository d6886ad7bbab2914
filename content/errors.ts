/**
 * Errors people read are Chinese; `code` is a stable English constant that programs match on.
 * `issues` name the entry and the field so an editor can find what to fix.
 */
export interface ContentIssue {
  /** Which entry, e.g. `慈善项目 "gansu-minxian-zhuxue"（projects[12]）`. */
  entry: string;
  /** Dotted path inside the entry, e.g. `plan.goalFen`; empty for the entry as a whole. */
  field: string;
  message: string;
}

export class ContentError extends Error {
  readonly code: string;
  readonly issues: ContentIssue[];

  constructor(code: string, message: string, issues: ContentIssue[] = []) {
    const detail = issues
      .slice(0, 20)
      .map((i) => `  - ${i.entry}${i.field ? ` 字段 ${i.field}` : ''}：${i.message}`)
      .join('\n');
    const more = issues.length > 20 ? `\n  …… 另有 ${issues.length - 20} 处问题` : '';
    super(detail ? `${message}\n${detail}${more}` : message);
    this.name = 'ContentError';
    this.code = code;
    this.issues = issues;
  }
}

/** Dotted path from a zod issue path: `['plan', 'partners', 0, 'name']` → `plan.partners[0].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
