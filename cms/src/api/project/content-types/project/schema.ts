import { PROJECT_STATUSES, SERVICE_TYPES, TARGET_GROUPS } from '../../../../lib/content.ts';
import { CORRECTION_ATTRIBUTES } from '../../../../lib/correction-attributes.ts';
import {
  boolean,
  choicesOf,
  collectionType,
  component,
  date,
  enumOf,
  markdown,
  relation,
  slug,
  string,
  text,
} from '../../../../lib/schema-kit.ts';

/** content/schemas/project.ts `projectSchema`; `status` is `projectStatus` here (reserved by Strapi). */
export default collectionType({
  collectionName: 'projects',
  singularName: 'project',
  pluralName: 'projects',
  displayName: '慈善项目',
  description: '慈善组织实施的帮扶项目，含备案的募捐方案、帮扶对象、服务类型和实施地区',
  attributes: {
    slug: slug('title'),
    title: string(80),
    charity: relation('manyToOne', 'api::charity.charity', { inversedBy: 'projects' }),
    assistanceOriented: boolean(false),
    /** Keys of content/'s TARGET_GROUPS, e.g. ["minors"]. */
    targetGroups: choicesOf(TARGET_GROUPS),
    /** Keys of content/'s SERVICE_TYPES, e.g. ["education"]. */
    serviceTypes: choicesOf(SERVICE_TYPES),
    // Not `required`: Strapi enforces required repeatable components even on drafts; zod requires ≥ 1 at publish.
    regions: component('shared.region', { repeatable: true, required: false }),
    plan: component('project.plan', { required: false }),
    implementation: component('shared.date-window'),
    projectStatus: enumOf(PROJECT_STATUSES),
    emergency: boolean(false),
    needs: relation('manyToMany', 'api::assistance-need.assistance-need', { inversedBy: 'projects' }),
    campaigns: relation('manyToMany', 'api::campaign.campaign', { inversedBy: 'projects' }),
    brand: boolean(false),
    summary: text(300),
    story: markdown(20000),
    publishedOn: date(),
    cover: component('shared.cover-image', { required: false }),
    disclosures: relation('oneToMany', 'api::disclosure.disclosure', { mappedBy: 'project' }),
    caseSummaries: relation('oneToMany', 'api::case-summary.case-summary', { mappedBy: 'project' }),
    ...CORRECTION_ATTRIBUTES,
  },
});
