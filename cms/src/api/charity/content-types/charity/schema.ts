import {
  boolean,
  collectionType,
  component,
  date,
  keyOf,
  relation,
  slug,
  string,
  text,
} from '../../../../lib/schema-kit.ts';
import { RATING_LABELS } from '../../../../lib/vocabularies.ts';

/** content/schemas/charity.ts `charitySchema`. A bad 统一社会信用代码 is refused even on a draft save. */
export default collectionType({
  collectionName: 'charities',
  singularName: 'charity',
  pluralName: 'charities',
  displayName: '慈善组织',
  description: '登记认定的慈善组织：统一社会信用代码、公开募捐资格、评估等级、联系方式',
  attributes: {
    slug: slug('name'),
    name: string(100),
    creditCode: string(18),
    registrationAuthority: string(60),
    registeredOn: date(),
    recognisedOn: date(),
    publicFundraisingSince: date(false),
    taxDeductible: boolean(false),
    /** 1A–5A, or empty when not rated (not an enumeration: Strapi refuses values starting with a digit). */
    rating: keyOf(RATING_LABELS, false),
    legalRepresentative: string(20),
    region: component('shared.region'),
    contact: component('charity.contact'),
    registryUrl: string(255),
    summary: text(2000),
    projects: relation('oneToMany', 'api::project.project', { mappedBy: 'charity' }),
    /**
     * Admin users who edit this charity's content (row-level RBAC conditions look them up).
     * Private: never in the Content API. Declared here because the Content-Type Builder cannot
     * make a relation to admin::user (STACK.md).
     */
    editors: relation('manyToMany', 'admin::user', { private: true }),
  },
});
