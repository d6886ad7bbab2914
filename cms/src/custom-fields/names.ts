/**
 * The CMS's own admin field types (Strapi custom fields), by name. Shared by the server
 * (`register.ts`: the stored type) and the admin bundle (`src/admin/custom-fields.ts`: the input
 * an editor uses), so the two registrations cannot drift apart.
 *
 * Every one stores exactly what the plain Strapi type stored before: the Content API, the
 * publisher's pull and the snapshot are unchanged. Only what an editor sees and types differs.
 */
export const CUSTOM_FIELDS = {
  /** One of a content/ vocabulary (`kind: 'progress'`), shown by its Chinese label. */
  choice: { name: 'choice', type: 'enumeration' },
  /** The same for keys Strapi's enumeration refuses (`0-5`, `5A`): a string held to the keys by a regex. */
  codeChoice: { name: 'code-choice', type: 'string' },
  /** Several of a vocabulary (`targetGroups: ["minors"]`), a JSON array of keys, picked by label. */
  choices: { name: 'choices', type: 'json' },
  /** Money: integer fen in the database and the API, typed and shown in yuan (`12.30` → 1230). */
  yuan: { name: 'yuan', type: 'biginteger' },
  /** A year: an integer shown as `2026`, not `2,026`. */
  year: { name: 'year', type: 'integer' },
  /** A slug (`uid`), filled in from the title's pinyin while a new entry is written. */
  slug: { name: 'slug', type: 'uid' },
  /** A GB/T 2260 code, picked from the list of divisions by name; fills in the region's names. */
  regionCode: { name: 'region-code', type: 'string' },
} as const;

export type CustomFieldKey = keyof typeof CUSTOM_FIELDS;

/** The uid Strapi gives a custom field registered without a plugin: `global::yuan`. */
export const customFieldUid = (key: CustomFieldKey): string => `global::${CUSTOM_FIELDS[key].name}`;

/**
 * What a choice field carries in its attribute's `options` (Strapi hands the attribute to the
 * admin input as is): the Chinese label of every key, in the order the editor sees them.
 */
export interface ChoiceOptions {
  labels: Readonly<Record<string, string>>;
}
