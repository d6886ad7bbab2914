import { type ChoiceOptions, customFieldUid } from '../custom-fields/names.ts';

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

/**
 * The slug (`uid`), generated from the pinyin of `from` (the title) in the admin
 * (src/custom-fields `global::slug`, src/extensions/content-manager/pinyin-uid.ts).
 */
export const slug = (from?: string): Attribute => ({
  type: 'customField',
  customField: customFieldUid('slug'),
  required: true,
  maxLength: 120,
  regex: SLUG_REGEX,
  ...(from ? { targetField: from } : {}),
});

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

/**
 * Money in integer fen (`biginteger`; `decimal` would be numeric(10,2) in PostgreSQL, STACK.md),
 * which the editor types and reads in yuan (src/custom-fields: `global::yuan`).
 */
export const fen = (): Attribute => ({ type: 'customField', customField: customFieldUid('yuan'), required: true });

/** A GB/T 2260 code (6 digits), picked from the divisions by name in the admin. */
export const regionCode = (): Attribute => ({
  type: 'customField',
  customField: customFieldUid('regionCode'),
  required: true,
  maxLength: 6,
  regex: '^[1-9]\\d{5}$',
});

/** A year, shown without a thousands separator. */
export const year = (min: number, max: number): Attribute => ({
  type: 'customField',
  customField: customFieldUid('year'),
  required: true,
  min,
  max,
});

const choiceOptions = (labels: Readonly<Record<string, string>>): ChoiceOptions => ({ labels: { ...labels } });

/**
 * An enumeration whose values are the keys of a content/ label map; the editor picks a label
 * (`项目进展`), the API keeps the key (`progress`).
 */
export const enumOf = (labels: Readonly<Record<string, string>>, required = true): Attribute => ({
  type: 'customField',
  customField: customFieldUid('choice'),
  enum: Object.keys(labels),
  required,
  options: choiceOptions(labels),
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
 * as a string constrained by a regex of exactly those keys, picked by label like `enumOf`.
 */
export const keyOf = (labels: Readonly<Record<string, string>>, required = true): Attribute => ({
  type: 'customField',
  customField: customFieldUid('codeChoice'),
  required,
  maxLength: 20,
  regex: `^(?:${Object.keys(labels)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})$`,
  options: choiceOptions(labels),
});

/**
 * Multi-valued taxonomy (`targetGroups`, `serviceTypes`): a JSON array of keys, picked by label;
 * the publish check holds it to content/'s vocabulary.
 */
export const choicesOf = (labels: Readonly<Record<string, string>>, required = true): Attribute => ({
  type: 'customField',
  customField: customFieldUid('choices'),
  required,
  options: choiceOptions(labels),
});

/** A JSON array the system writes (a correction's field paths). */
export const jsonList = (required = true): Attribute => ({ type: 'json', required });

export const component = (uid: string, options: { repeatable?: boolean; required?: boolean } = {}): Attribute => ({
  type: 'component',
  component: uid,
  repeatable: options.repeatable ?? false,
  required: options.required ?? true,
});

/**
 * One picture from the media library (Strapi's upload plugin), images only. Not `required` at the
 * Strapi level: an optional component holding it is checked at publish (content/'s zod schema).
 */
export const image = (): Attribute => ({ type: 'media', multiple: false, required: false, allowedTypes: ['images'] });

type RelationKind = 'oneToOne' | 'oneToMany' | 'manyToOne' | 'manyToMany';

export const relation = (
  kind: RelationKind,
  target: string,
  options: { inversedBy?: string; mappedBy?: string; private?: boolean } = {},
): Attribute => ({ type: 'relation', relation: kind, target, ...options });

/** How the admin shows a type (labels, help text, list columns) is not here: src/edit-views/. */

export interface ContentTypeSchema {
  kind: 'collectionType';
  collectionName: string;
  info: { singularName: string; pluralName: string; displayName: string; description: string };
  options: { draftAndPublish: true };
  pluginOptions: Record<string, unknown>;
  attributes: Attributes;
}

export function collectionType(def: {
  collectionName: string;
  singularName: string;
  pluralName: string;
  displayName: string;
  description: string;
  attributes: Attributes;
}): ContentTypeSchema {
  const { collectionName, attributes, ...info } = def;
  return {
    kind: 'collectionType',
    collectionName,
    info,
    options: { draftAndPublish: true },
    pluginOptions: {},
    attributes,
  };
}

export interface ComponentSchema {
  collectionName: string;
  info: { displayName: string; description: string };
  options: Record<string, unknown>;
  attributes: Attributes;
}

export function componentType(def: {
  collectionName: string;
  displayName: string;
  description: string;
  attributes: Attributes;
}): ComponentSchema {
  const { collectionName, attributes, ...info } = def;
  return { collectionName, info, options: {}, attributes };
}
