/**
 * Small builders for Strapi 5 content-type and component schemas, so that each schema file reads
 * like the content/ zod schema it mirrors. Schemas are TS modules (`schema.ts` → `schema.js`,
 * Strapi loads `.js` and `.json` alike) so enumerations come from content/'s own key maps instead
 * of a copied list that could drift.
 */

export type Attribute = Record<string, unknown> & { type: string };
export type Attributes = Record<string, Attribute>;

/** content/'s slug rule (`schemas/common.ts`); Strapi's uid default accepts more (`[A-Za-z0-9-_.~]`). */
export const SLUG_REGEX = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

interface StringOptions {
  required?: boolean;
  maxLength?: number;
  regex?: string;
  private?: boolean;
}

export const slug = (): Attribute => ({ type: 'uid', required: true, maxLength: 120, regex: SLUG_REGEX });

export const string = (maxLength = 255, options: StringOptions = {}): Attribute => ({
  type: 'string',
  required: true,
  maxLength,
  ...options,
});

export const optionalString = (maxLength = 255, options: StringOptions = {}): Attribute =>
  string(maxLength, { ...options, required: false });

export const text = (maxLength: number, required = true): Attribute => ({ type: 'text', required, maxLength });

/** Markdown (Strapi's "Rich text (Markdown)"), sanitised again when the site renders it. */
export const markdown = (maxLength: number): Attribute => ({ type: 'richtext', required: true, maxLength });

export const date = (required = true): Attribute => ({ type: 'date', required });

export const datetime = (required = true): Attribute => ({ type: 'datetime', required });

export const boolean = (defaultValue = false): Attribute => ({
  type: 'boolean',
  required: true,
  default: defaultValue,
});

export const integer = (min?: number, max?: number, required = true): Attribute => ({
  type: 'integer',
  required,
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
});

/** Money in integer fen. `decimal` would be numeric(10,2) in PostgreSQL (STACK.md). */
export const fen = (): Attribute => ({ type: 'biginteger', required: true });

/** An enumeration whose values are the keys of a content/ label map. */
export const enumOf = (labels: Readonly<Record<string, string>>, required = true): Attribute => ({
  type: 'enumeration',
  enum: Object.keys(labels),
  required,
});

/**
 * An enumeration editors choose from in the admin (Strapi shows the raw values): `待处理（pending）`.
 * Strapi checks each value against GraphQL's name rule after slugifying it, which drops Chinese
 * characters, so a Chinese-only value is refused; the key in brackets keeps it valid and unique.
 */
export const labelledValue = (labels: Readonly<Record<string, string>>, key: string): string =>
  `${labels[key] ?? key}（${key}）`;

/** The key of a `labelledValue`, or null for anything else. */
export function keyOfLabelled<K extends string>(labels: Readonly<Record<K, string>>, value: unknown): K | null {
  const key = /（([^（）]+)）$/.exec(typeof value === 'string' ? value : '')?.[1];
  return key !== undefined && Object.hasOwn(labels, key) && value === labelledValue(labels, key) ? (key as K) : null;
}

export const labelledEnumOf = (
  labels: Readonly<Record<string, string>>,
  options: { required?: boolean; default?: string } = {},
): Attribute => ({
  type: 'enumeration',
  enum: Object.keys(labels).map((key) => labelledValue(labels, key)),
  required: options.required ?? true,
  ...(options.default === undefined ? {} : { default: labelledValue(labels, options.default) }),
});

/**
 * Keys that Strapi's enumeration validator refuses (GraphQL naming: `1A`, `0-5`, `80+`) are kept
 * as a string constrained by a regex of exactly those keys.
 */
export const keyOf = (keys: readonly string[], required = true): Attribute => ({
  type: 'string',
  required,
  maxLength: 20,
  regex: `^(?:${keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`,
});

/** Multi-valued taxonomy (`targetGroups`, `serviceTypes`): a JSON array validated by the publish middleware. */
export const jsonList = (required = true): Attribute => ({ type: 'json', required });

export const component = (uid: string, options: { repeatable?: boolean; required?: boolean } = {}): Attribute => ({
  type: 'component',
  component: uid,
  repeatable: options.repeatable ?? false,
  required: options.required ?? true,
});

type RelationKind = 'oneToOne' | 'oneToMany' | 'manyToOne' | 'manyToMany';

export const relation = (
  kind: RelationKind,
  target: string,
  options: { inversedBy?: string; mappedBy?: string; private?: boolean } = {},
): Attribute => ({ type: 'relation', relation: kind, target, ...options });

/**
 * How the admin edit view first shows a field: its label, help text, and whether it can be
 * edited there. The content-manager (5.54, services/utils/configuration/metadatas.js) reads
 * `config.metadatas.<field>.edit` of a schema when it creates a field's view settings, that is
 * when the field is new; later changes are made in "Configure the view".
 */
export interface EditViewField {
  label?: string;
  description?: string;
  placeholder?: string;
  editable?: boolean;
}
export type EditView = Record<string, EditViewField>;

/** Strapi's defaults, which its configuration check requires whenever `settings` is given. */
const VIEW_SETTINGS = { bulkable: true, filterable: true, searchable: true, pageSize: 10 } as const;

interface ViewConfig {
  metadatas: Record<string, { edit: EditViewField }>;
  /** `mainField`: what a collapsed repeatable component shows as its title (default: the first `string` field). */
  settings?: typeof VIEW_SETTINGS & { mainField: string };
}

function editViewConfig(editView: EditView | undefined, mainField?: string): { config?: ViewConfig } {
  if (!editView) return {};
  const metadatas = Object.fromEntries(Object.entries(editView).map(([k, edit]) => [k, { edit }]));
  return { config: { metadatas, ...(mainField ? { settings: { ...VIEW_SETTINGS, mainField } } : {}) } };
}

export interface ContentTypeSchema {
  kind: 'collectionType';
  collectionName: string;
  info: { singularName: string; pluralName: string; displayName: string; description: string };
  options: { draftAndPublish: true };
  pluginOptions: Record<string, unknown>;
  attributes: Attributes;
  config?: ViewConfig;
}

export function collectionType(def: {
  collectionName: string;
  singularName: string;
  pluralName: string;
  displayName: string;
  description: string;
  attributes: Attributes;
  editView?: EditView;
}): ContentTypeSchema {
  const { collectionName, attributes, editView, ...info } = def;
  return {
    kind: 'collectionType',
    collectionName,
    info,
    options: { draftAndPublish: true },
    pluginOptions: {},
    attributes,
    ...editViewConfig(editView),
  };
}

export interface ComponentSchema {
  collectionName: string;
  info: { displayName: string; description: string };
  options: Record<string, unknown>;
  attributes: Attributes;
  config?: ViewConfig;
}

export function componentType(def: {
  collectionName: string;
  displayName: string;
  description: string;
  attributes: Attributes;
  editView?: EditView;
  mainField?: string;
}): ComponentSchema {
  const { collectionName, attributes, editView, mainField, ...info } = def;
  return { collectionName, info, options: {}, attributes, ...editViewConfig(editView, mainField) };
}
