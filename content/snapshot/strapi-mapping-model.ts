import type { CollectionName, Snapshot } from './snapshot-schema.ts';

/**
 * How the Strapi content types (cms/src/api) line up with `content/`. Pure data, no Strapi import,
 * so the CMS, the publisher's pull and tests share one map.
 */

export type SnapshotEntry<C extends CollectionName> = Snapshot[C][number];

/** A Strapi document or REST entry (Strapi 5 flat format: no `data`/`attributes` wrappers). */
export type StrapiRecord = Record<string, unknown>;

export interface StrapiCollection {
  /** Content-type uid, e.g. `api::project.project`. */
  uid: `api::${string}.${string}`;
  /** REST path segment under `/api`, e.g. `projects`. */
  pluralName: string;
  singularName: string;
}

export const STRAPI_COLLECTIONS = {
  charities: { uid: 'api::charity.charity', pluralName: 'charities', singularName: 'charity' },
  projects: { uid: 'api::project.project', pluralName: 'projects', singularName: 'project' },
  disclosures: { uid: 'api::disclosure.disclosure', pluralName: 'disclosures', singularName: 'disclosure' },
  caseSummaries: { uid: 'api::case-summary.case-summary', pluralName: 'case-summaries', singularName: 'case-summary' },
  needs: {
    uid: 'api::assistance-need.assistance-need',
    pluralName: 'assistance-needs',
    singularName: 'assistance-need',
  },
  typicalCases: { uid: 'api::typical-case.typical-case', pluralName: 'typical-cases', singularName: 'typical-case' },
  awards: { uid: 'api::award.award', pluralName: 'awards', singularName: 'award' },
  campaigns: { uid: 'api::campaign.campaign', pluralName: 'campaigns', singularName: 'campaign' },
  matchingPools: {
    uid: 'api::matching-pool.matching-pool',
    pluralName: 'matching-pools',
    singularName: 'matching-pool',
  },
} as const satisfies Record<CollectionName, StrapiCollection>;

/** The collection of a content-type uid, or undefined for Strapi's own types. */
export function collectionOfUid(uid: string): CollectionName | undefined {
  for (const [name, c] of Object.entries(STRAPI_COLLECTIONS)) if (c.uid === uid) return name as CollectionName;
  return undefined;
}

/**
 * Attribute names that differ between content/ and Strapi. Strapi 5 reserves `status` on
 * draft-and-publish types (it is the REST/Document Service query parameter), so the two status
 * enums are renamed there.
 */
export const STRAPI_FIELD_RENAMES: Partial<Record<CollectionName, Readonly<Record<string, string>>>> = {
  projects: { status: 'projectStatus' },
  needs: { status: 'needStatus' },
};

/** A dotted content/ path (`status`, `plan.goalFen`) as the Strapi attribute path. */
export function toStrapiFieldPath(collection: CollectionName, path: string): string {
  const [head = '', ...rest] = path.split('.');
  const renamed = STRAPI_FIELD_RENAMES[collection]?.[head.replace(/\[\d+\]$/, '')];
  if (!renamed) return path;
  return [head.replace(/^[^[]+/, renamed), ...rest].join('.');
}

/** A Strapi populate tree: `true`, or a relation/component with its own fields and populate. */
export type StrapiPopulate = { [field: string]: true | { fields?: string[]; populate?: StrapiPopulate } };

/** Populate a related document's slug only (no other field of it is needed to map a relation). */
const slug = (): { fields: string[] } => ({ fields: ['slug'] });

/**
 * The populate that `toSnapshotEntry` needs, usable as Document Service `populate` and as the
 * REST `populate` query (`populate[charity][fields][0]=slug`). Deliberately without the case
 * summaries' `consent`: it is private, and the Content API answers 400 to a query that names it.
 */
export const STRAPI_POPULATE: Record<CollectionName, StrapiPopulate> = {
  charities: { region: true, contact: true },
  projects: {
    charity: slug(),
    regions: true,
    plan: { populate: { window: true, partners: true } },
    implementation: true,
    needs: slug(),
    campaigns: slug(),
    corrections: true,
    cover: { populate: { image: true } },
  },
  disclosures: { project: slug(), period: true, expenses: true, corrects: slug(), corrections: true },
  caseSummaries: { project: slug(), region: true },
  needs: { region: true },
  typicalCases: { region: true, projects: slug(), charities: slug(), cover: { populate: { image: true } } },
  awards: { awardee: { populate: { charity: slug(), project: slug() } } },
  campaigns: { window: true },
  matchingPools: { campaign: slug(), projects: slug(), window: true, sponsor: true, tiers: true },
};
