import { SERVICE_TYPES, TARGET_GROUPS } from '../../../../lib/content.ts';
import {
  boolean,
  choicesOf,
  collectionType,
  component,
  date,
  markdown,
  relation,
  slug,
  string,
  text,
  year,
} from '../../../../lib/schema-kit.ts';

/** content/schemas/typical-case.ts `typicalCaseSchema`: curated by ministry editors. */
export default collectionType({
  collectionName: 'typical_cases',
  singularName: 'typical-case',
  pluralName: 'typical-cases',
  displayName: '典型案例',
  description: '民政部门遴选发布的社会救助与慈善帮扶衔接典型案例',
  attributes: {
    slug: slug('title'),
    title: string(80),
    source: string(60),
    year: year(2000, 2100),
    region: component('shared.region'),
    targetGroups: choicesOf(TARGET_GROUPS),
    serviceTypes: choicesOf(SERVICE_TYPES),
    summary: text(300),
    body: markdown(20000),
    projects: relation('manyToMany', 'api::project.project'),
    charities: relation('manyToMany', 'api::charity.charity'),
    featured: boolean(false),
    publishedOn: date(),
    cover: component('shared.cover-image', { required: false }),
  },
});
