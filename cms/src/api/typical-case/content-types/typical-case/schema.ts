import {
  boolean,
  collectionType,
  component,
  date,
  integer,
  jsonList,
  markdown,
  relation,
  slug,
  string,
  text,
} from '../../../../lib/schema-kit.ts';

/** content/schemas/typical-case.ts `typicalCaseSchema`: curated by ministry editors. */
export default collectionType({
  collectionName: 'typical_cases',
  singularName: 'typical-case',
  pluralName: 'typical-cases',
  displayName: '典型案例',
  description: '民政部门遴选发布的社会救助与慈善帮扶衔接典型案例',
  attributes: {
    slug: slug(),
    title: string(80),
    source: string(60),
    year: integer(2000, 2100),
    region: component('shared.region'),
    targetGroups: jsonList(),
    serviceTypes: jsonList(),
    summary: text(300),
    body: markdown(20000),
    projects: relation('manyToMany', 'api::project.project'),
    charities: relation('manyToMany', 'api::charity.charity'),
    featured: boolean(false),
    publishedOn: date(),
  },
});
