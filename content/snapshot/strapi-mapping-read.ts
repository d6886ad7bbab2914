import type { CaseRecord } from '../schemas/case-summary.ts';
import type { CollectionName } from './snapshot-schema.ts';
import type { SnapshotEntry, StrapiRecord } from './strapi-mapping-model.ts';

/**
 * Strapi entry → content/ shape. Works on Document Service results and on REST responses with
 * the populate of `STRAPI_POPULATE` (Strapi 5 flat format). Relations become slugs, `biginteger`
 * strings become numbers, component ids and Strapi's own fields are dropped, `null` becomes
 * `undefined` where content/ has an optional field. Nothing is validated here: values keep their
 * Strapi types when they are not what content/ expects, so the zod schema reports them.
 */
export type Unvalidated<T> = { [K in keyof T]-?: unknown };

type Read = (e: StrapiRecord) => Record<string, unknown>;

function rec(value: unknown): StrapiRecord | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as StrapiRecord) : null;
}

/** Strapi gives `null` for an empty optional field; content/ wants it absent. */
function optional(value: unknown): unknown {
  return value === null ? undefined : value;
}

/** `biginteger` comes back as a string ("1000000"); anything unsafe stays a string so zod refuses it. */
function integer(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  }
  return value;
}

/** `date` attributes are `YYYY-MM-DD` strings; a driver that hands back a Date is tolerated. */
function date(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

function slugOf(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const r = rec(value);
  return r ? r.slug : value;
}

function slugsOf(value: unknown): unknown {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map(slugOf) : value;
}

function list(value: unknown, item: Read): unknown {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map((v) => (rec(v) ? item(v as StrapiRecord) : v)) : value;
}

function one(value: unknown, read: Read): unknown {
  const r = rec(value);
  return r ? read(r) : value === undefined ? null : value;
}

const region: Read = (r) => ({
  code: r.code,
  name: r.name,
  provinceCode: r.provinceCode,
  province: r.province,
  keyCounty: r.keyCounty ?? false,
});

const window: Read = (r) => ({ start: date(r.start), end: date(r.end) });

const partner: Read = (r) => ({
  name: r.name,
  creditCode: optional(r.creditCode),
  type: r.type,
  role: r.role,
});

const plan: Read = (r) => ({
  filingNumber: r.filingNumber ?? null,
  filedOn: date(r.filedOn) ?? null,
  window: one(r.window, window),
  goalFen: integer(r.goalFen),
  purpose: r.purpose,
  beneficiaryScope: r.beneficiaryScope,
  beneficiarySelection: r.beneficiarySelection,
  useOfFunds: r.useOfFunds,
  fundraisingCost: r.fundraisingCost,
  managementCostPermille: r.managementCostPermille,
  remainingProperty: r.remainingProperty,
  partners: list(r.partners, partner),
});

const expense: Read = (r) => ({
  date: date(r.date),
  item: r.item,
  category: r.category,
  amountFen: integer(r.amountFen),
  beneficiariesReached: r.beneficiariesReached,
});

/** `fields` is a Strapi `json` attribute: the array comes back as it was stored. */
const correction: Read = (r) => ({ date: date(r.date), fields: r.fields, reason: r.reason });

/** A media-library file: the original and its generated sizes (`formats`), narrowest first. */
const imageFile: Read = (r) => ({ url: r.url, width: r.width, height: r.height });
const media: Read = (r) => {
  const formats = rec(r.formats);
  const sizes = formats ? Object.values(formats).flatMap((f) => (rec(f) ? [imageFile(f as StrapiRecord)] : [])) : [];
  sizes.sort((a, b) => Number(a.width) - Number(b.width));
  return { ...imageFile(r), formats: sizes };
};

/** The optional cover (component `shared.cover-image`); absent when the editor added none. */
function cover(value: unknown): unknown {
  const r = rec(value);
  if (!r) return optional(value);
  return { image: one(r.image, media), alt: r.alt, noIdentifiableBeneficiary: r.noIdentifiableBeneficiary };
}

const consent: Read = (r) => ({ recordedOn: date(r.recordedOn), scope: r.scope, guardian: r.guardian ?? null });

const READERS: { [C in CollectionName]: (e: StrapiRecord) => Unvalidated<SnapshotEntry<C>> } = {
  charities: (e) => ({
    slug: e.slug,
    name: e.name,
    creditCode: e.creditCode,
    registrationAuthority: e.registrationAuthority,
    registeredOn: date(e.registeredOn),
    recognisedOn: date(e.recognisedOn),
    publicFundraisingSince: date(e.publicFundraisingSince) ?? null,
    taxDeductible: e.taxDeductible ?? false,
    rating: e.rating ?? null,
    legalRepresentative: e.legalRepresentative,
    region: one(e.region, region),
    contact: one(e.contact, (c) => ({
      phone: c.phone,
      email: optional(c.email),
      address: c.address,
      website: optional(c.website),
    })),
    registryUrl: e.registryUrl,
    summary: e.summary,
  }),
  projects: (e) => ({
    slug: e.slug,
    title: e.title,
    charity: slugOf(e.charity),
    assistanceOriented: e.assistanceOriented,
    targetGroups: e.targetGroups,
    serviceTypes: e.serviceTypes,
    regions: list(e.regions, region),
    plan: one(e.plan, plan),
    implementation: one(e.implementation, window),
    status: e.projectStatus,
    emergency: e.emergency ?? false,
    needs: slugsOf(e.needs),
    campaigns: slugsOf(e.campaigns),
    brand: e.brand ?? false,
    summary: e.summary,
    story: e.story,
    publishedOn: date(e.publishedOn),
    cover: cover(e.cover),
    corrections: list(e.corrections, correction),
  }),
  disclosures: (e) => ({
    slug: e.slug,
    project: slugOf(e.project),
    kind: e.kind,
    title: e.title,
    publishedOn: date(e.publishedOn),
    period: one(e.period, window),
    raisedToDateFen: integer(e.raisedToDateFen),
    spentToDateFen: integer(e.spentToDateFen),
    body: e.body,
    expenses: list(e.expenses, expense),
    corrects: slugOf(e.corrects),
    corrections: list(e.corrections, correction),
  }),
  caseSummaries: (e) => ({
    slug: e.slug,
    project: slugOf(e.project),
    alias: e.alias,
    ageBand: e.ageBand,
    region: one(e.region, region),
    group: e.group,
    situation: e.situation,
    governmentAssistance: e.governmentAssistance,
    charityHelp: e.charityHelp,
    outcome: e.outcome,
    publishedOn: date(e.publishedOn),
  }),
  needs: (e) => ({
    slug: e.slug,
    title: e.title,
    department: e.department,
    region: one(e.region, region),
    group: e.group,
    kind: e.kind,
    households: e.households,
    status: e.needStatus,
    description: e.description,
    publishedOn: date(e.publishedOn),
  }),
  typicalCases: (e) => ({
    slug: e.slug,
    title: e.title,
    source: e.source,
    year: e.year,
    region: one(e.region, region),
    targetGroups: e.targetGroups,
    serviceTypes: e.serviceTypes,
    summary: e.summary,
    body: e.body,
    projects: slugsOf(e.projects),
    charities: slugsOf(e.charities),
    featured: e.featured ?? false,
    publishedOn: date(e.publishedOn),
    cover: cover(e.cover),
  }),
  awards: (e) => ({
    slug: e.slug,
    name: e.name,
    edition: e.edition,
    year: e.year,
    category: e.category,
    awardee: one(e.awardee, (a) => ({
      kind: a.kind,
      name: a.name,
      charity: slugOf(a.charity),
      project: slugOf(a.project),
    })),
    citation: e.citation,
    documentNumber: e.documentNumber,
    announcedOn: date(e.announcedOn),
  }),
  campaigns: (e) => ({
    slug: e.slug,
    title: e.title,
    theme: e.theme,
    window: one(e.window, window),
    description: e.description,
    organiser: e.organiser,
  }),
  matchingPools: (e) => ({
    slug: e.slug,
    title: e.title,
    sponsor: one(e.sponsor, (r) => ({ name: r.name, creditCode: r.creditCode, public: r.public ?? false })),
    campaign: slugOf(e.campaign),
    eligible: e.eligible,
    projects: slugsOf(e.projects),
    window: one(e.window, window),
    tiers: list(e.tiers, (r) => ({ fromFen: integer(r.fromFen), percent: r.percent })),
    capPerGiftFen: integer(e.capPerGiftFen),
    capPerDonorDayFen: integer(e.capPerDonorDayFen),
    capPerProjectFen: integer(e.capPerProjectFen),
    totalFen: integer(e.totalFen),
    note: optional(e.note),
  }),
};

/** A Strapi entry of `collection` in the content/ shape, ready for that collection's zod schema. */
export function toSnapshotEntry<C extends CollectionName>(
  collection: C,
  entry: StrapiRecord,
): Unvalidated<SnapshotEntry<C>> {
  return READERS[collection](entry);
}

/** A case summary with its (private) consent, for `caseRecordSchema`. Only the CMS ever has it. */
export function toCaseRecord(entry: StrapiRecord): Unvalidated<CaseRecord> {
  return { ...READERS.caseSummaries(entry), consent: one(entry.consent, consent) };
}
