/**
 * How the admin shows each content type and component to an editor, as data: the Chinese label,
 * help text and placeholder of every field, what a relation to it shows (its `mainField`), the
 * list view's columns and order, and the edit form's rows. `apply-views.ts` writes it into the
 * content-manager's stored configuration at every start, so it is versioned here and not lost
 * in (or silently changed through) "Configure the view".
 */

export interface FieldView {
  label: string;
  description?: string;
  placeholder?: string;
  /** For a relation: the field of the related entry the picker and the list show. */
  mainField?: string;
  /** false: shown read-only (the server refuses a change anyway where it matters). */
  editable?: boolean;
}

/** A row of the edit form: fields with their widths out of 12. */
export type EditRow = readonly (readonly [field: string, size: 4 | 6 | 8 | 12])[];

export interface ModelView {
  /** `api::disclosure.disclosure` for a content type, `disclosure.expense-line` for a component. */
  uid: string;
  /** What names an entry: the list's link column and a collapsed component's title. */
  mainField: string;
  /** Content types: the list view's columns, left to right. */
  list?: readonly string[];
  /** Content types: the list's default order. */
  sort?: { by: string; order: 'ASC' | 'DESC' };
  /** The edit form's rows; Strapi's order of the schema's fields when absent. */
  edit?: readonly EditRow[];
  fields: Readonly<Record<string, FieldView>>;
}

export const isComponentUid = (uid: string): boolean => !uid.includes('::');

/** `label` with help text and an example, the common case. */
export const field = (label: string, description?: string, placeholder?: string): FieldView => ({
  label,
  ...(description ? { description } : {}),
  ...(placeholder ? { placeholder } : {}),
});

/** A relation picker that shows the related entries by `mainField`. */
export const relationField = (label: string, mainField: string, description?: string): FieldView => ({
  ...field(label, description),
  mainField,
});

/** The slug every published type has: generated from the title, rarely touched. */
export const slugField = (example: string): FieldView =>
  field(
    '网址标识',
    '网址中的标识：小写拼音、数字和连字符。新建时按标题的拼音自动生成，发布后请勿修改（旧网址会失效）',
    example,
  );

export const MONEY_HINT = '单位：元，可精确到分（最多两位小数），例如 1234.50';
