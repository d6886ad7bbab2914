import type { CaseConsent } from '../schemas/case-summary.ts';
import type { DateRange } from '../schemas/common.ts';
import type { CorrectionNote } from '../schemas/correction.ts';
import type { Region } from '../schemas/region.ts';
import { COLLECTION_LABELS, type CollectionName } from './snapshot-schema.ts';
import type { SnapshotEntry, StrapiRecord } from './strapi-mapping-model.ts';

/**
 * content/ entry → Strapi Document Service `data` (for the seed import). Relations become
 * documentIds (Strapi 5 accepts a documentId, or an array of them, as "set" on create and
 * update), money becomes a `biginteger` string, optional fields become `null` so an update clears
 * them. Components carry no ids: Strapi replaces them on update.
 */

/** Resolves a slug of `collection` to the documentId of its (draft) document, if imported yet. */
export type DocumentIdLookup = (collection: CollectionName, slug: string) => string | undefined;

function idOf(ids: DocumentIdLookup, collection: CollectionName, slug: string): string {
  const id = ids(collection, slug);
  if (id === undefined) throw new Error(`引用的${COLLECTION_LABELS[collection]} “${slug}” 尚未导入`);
  return id;
}

const region = (r: Region): StrapiRecord => ({
  code: r.code,
  name: r.name,
  provinceCode: r.provinceCode,
  province: r.province,
  keyCounty: r.keyCounty,
});

const window = (w: DateRange): StrapiRecord => ({ start: w.start, end: w.end });

const bigint = (n: number): string => String(n);

const corrections = (list: readonly CorrectionNote[]): StrapiRecord[] =>
  list.map((c) => ({ date: c.date, fields: [...c.fields], reason: c.reason }));

type Writers = {
  [C in CollectionName]: (entry: SnapshotEntry<C>, ids: DocumentIdLookup) => StrapiRecord;
};

const WRITERS: Writers = {
  charities: (c) => ({
    slug: c.slug,
    name: c.name,
    creditCode: c.creditCode,
    registrationAuthority: c.registrationAuthority,
    registeredOn: c.registeredOn,
    recognisedOn: c.recognisedOn,
    publicFundraisingSince: c.publicFundraisingSince,
    taxDeductible: c.taxDeductible,
    rating: c.rating,
    legalRepresentative: c.legalRepresentative,
    region: region(c.region),
    contact: {
      phone: c.contact.phone,
      email: c.contact.email ?? null,
      address: c.contact.address,
      website: c.contact.website ?? null,
    },
    registryUrl: c.registryUrl,
    summary: c.summary,
  }),
  projects: (p, ids) => ({
    slug: p.slug,
    title: p.title,
    charity: idOf(ids, 'charities', p.charity),
    assistanceOriented: p.assistanceOriented,
    targetGroups: p.targetGroups,
    serviceTypes: p.serviceTypes,
    regions: p.regions.map(region),
    plan: p.plan && {
      filingNumber: p.plan.filingNumber,
      filedOn: p.plan.filedOn,
      window: window(p.plan.window),
      goalFen: bigint(p.plan.goalFen),
      purpose: p.plan.purpose,
      beneficiaryScope: p.plan.beneficiaryScope,
      beneficiarySelection: p.plan.beneficiarySelection,
      useOfFunds: p.plan.useOfFunds,
      fundraisingCost: p.plan.fundraisingCost,
      managementCostPermille: p.plan.managementCostPermille,
      remainingProperty: p.plan.remainingProperty,
      partners: p.plan.partners.map((x) => ({
        name: x.name,
        creditCode: x.creditCode ?? null,
        type: x.type,
        role: x.role,
      })),
    },
    implementation: window(p.implementation),
    projectStatus: p.status,
    emergency: p.emergency,
    needs: p.needs.map((s) => idOf(ids, 'needs', s)),
    campaigns: p.campaigns.map((s) => idOf(ids, 'campaigns', s)),
    brand: p.brand,
    summary: p.summary,
    story: p.story,
    publishedOn: p.publishedOn,
    corrections: corrections(p.corrections),
  }),
  disclosures: (d, ids) => ({
    slug: d.slug,
    project: idOf(ids, 'projects', d.project),
    kind: d.kind,
    title: d.title,
    publishedOn: d.publishedOn,
    period: window(d.period),
    raisedToDateFen: bigint(d.raisedToDateFen),
    spentToDateFen: bigint(d.spentToDateFen),
    body: d.body,
    expenses: d.expenses.map((x) => ({
      date: x.date,
      item: x.item,
      category: x.category,
      amountFen: bigint(x.amountFen),
      beneficiariesReached: x.beneficiariesReached,
    })),
    corrects: d.corrects === null ? null : idOf(ids, 'disclosures', d.corrects),
    corrections: corrections(d.corrections),
  }),
  caseSummaries: (c, ids) => ({
    slug: c.slug,
    project: idOf(ids, 'projects', c.project),
    alias: c.alias,
    ageBand: c.ageBand,
    region: region(c.region),
    group: c.group,
    situation: c.situation,
    governmentAssistance: c.governmentAssistance,
    charityHelp: c.charityHelp,
    outcome: c.outcome,
    publishedOn: c.publishedOn,
  }),
  needs: (n) => ({
    slug: n.slug,
    title: n.title,
    department: n.department,
    region: region(n.region),
    group: n.group,
    kind: n.kind,
    households: n.households,
    needStatus: n.status,
    description: n.description,
    publishedOn: n.publishedOn,
  }),
  typicalCases: (t, ids) => ({
    slug: t.slug,
    title: t.title,
    source: t.source,
    year: t.year,
    region: region(t.region),
    targetGroups: t.targetGroups,
    serviceTypes: t.serviceTypes,
    summary: t.summary,
    body: t.body,
    projects: t.projects.map((s) => idOf(ids, 'projects', s)),
    charities: t.charities.map((s) => idOf(ids, 'charities', s)),
    featured: t.featured,
    publishedOn: t.publishedOn,
  }),
  awards: (a, ids) => ({
    slug: a.slug,
    name: a.name,
    edition: a.edition,
    year: a.year,
    category: a.category,
    awardee: {
      kind: a.awardee.kind,
      name: a.awardee.name,
      charity: a.awardee.charity === null ? null : idOf(ids, 'charities', a.awardee.charity),
      project: a.awardee.project === null ? null : idOf(ids, 'projects', a.awardee.project),
    },
    citation: a.citation,
    documentNumber: a.documentNumber,
    announcedOn: a.announcedOn,
  }),
  campaigns: (c) => ({
    slug: c.slug,
    title: c.title,
    theme: c.theme,
    window: window(c.window),
    description: c.description,
    organiser: c.organiser,
  }),
  matchingPools: (m, ids) => ({
    slug: m.slug,
    title: m.title,
    sponsor: { name: m.sponsor.name, creditCode: m.sponsor.creditCode, public: m.sponsor.public },
    campaign: idOf(ids, 'campaigns', m.campaign),
    eligible: m.eligible,
    projects: m.projects.map((s) => idOf(ids, 'projects', s)),
    window: window(m.window),
    tiers: m.tiers.map((t) => ({ fromFen: bigint(t.fromFen), percent: t.percent })),
    capPerGiftFen: bigint(m.capPerGiftFen),
    capPerDonorDayFen: bigint(m.capPerDonorDayFen),
    capPerProjectFen: bigint(m.capPerProjectFen),
    totalFen: bigint(m.totalFen),
    note: m.note ?? null,
  }),
};

/** The Document Service `data` for one snapshot entry. Throws when a referenced slug has no document yet. */
export function fromSnapshotEntry<C extends CollectionName>(
  collection: C,
  entry: SnapshotEntry<C>,
  ids: DocumentIdLookup,
): StrapiRecord {
  return (WRITERS[collection] as (e: SnapshotEntry<C>, ids: DocumentIdLookup) => StrapiRecord)(entry, ids);
}

/** The private consent component of a case summary (seed only). */
export function consentToStrapi(consent: CaseConsent): StrapiRecord {
  return { recordedOn: consent.recordedOn, scope: consent.scope, guardian: consent.guardian };
}
