import { NEED_STATUSES, SERVICE_TYPES, TARGET_GROUPS } from '../../../../lib/content.ts';
import {
  collectionType,
  component,
  date,
  enumOf,
  integer,
  relation,
  slug,
  string,
  text,
} from '../../../../lib/schema-kit.ts';

/** content/schemas/assistance-need.ts; `status` is `needStatus` here (reserved by Strapi). Aggregated, never a person. */
export default collectionType({
  collectionName: 'assistance_needs',
  singularName: 'assistance-need',
  pluralName: 'assistance-needs',
  displayName: '救助需求',
  description: '民政部门发布的汇总救助需求（县级地区、对象类别、需求类型、户数），不含个人信息',
  attributes: {
    slug: slug('title'),
    title: string(80),
    department: string(60),
    region: component('shared.region'),
    group: enumOf(TARGET_GROUPS),
    kind: enumOf(SERVICE_TYPES),
    households: integer(1, 1_000_000),
    needStatus: enumOf(NEED_STATUSES),
    description: text(2000),
    publishedOn: date(),
    projects: relation('manyToMany', 'api::project.project', { mappedBy: 'needs' }),
  },
});
