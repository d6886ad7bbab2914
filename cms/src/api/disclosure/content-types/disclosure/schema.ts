import { DISCLOSURE_KINDS } from '../../../../lib/content.ts';
import { CORRECTION_ATTRIBUTES } from '../../../../lib/correction-attributes.ts';
import {
  collectionType,
  component,
  date,
  enumOf,
  fen,
  markdown,
  relation,
  slug,
  string,
} from '../../../../lib/schema-kit.ts';

/**
 * content/schemas/disclosure.ts `disclosureSchema`. A correction of substance is a new entry of kind
 * `correction`; an edit after publication carries its 更正说明 in `corrections`.
 */
export default collectionType({
  collectionName: 'disclosures',
  singularName: 'disclosure',
  pluralName: 'disclosures',
  displayName: '信息公开',
  description: '项目的一次信息公开：进展、资金使用、结项报告、剩余财产处理或更正说明',
  attributes: {
    slug: slug('title'),
    project: relation('manyToOne', 'api::project.project', { inversedBy: 'disclosures' }),
    kind: enumOf(DISCLOSURE_KINDS),
    title: string(120),
    publishedOn: date(),
    period: component('shared.date-window'),
    raisedToDateFen: fen(),
    spentToDateFen: fen(),
    body: markdown(10000),
    expenses: component('disclosure.expense-line', { repeatable: true, required: false }),
    corrects: relation('manyToOne', 'api::disclosure.disclosure'),
    ...CORRECTION_ATTRIBUTES,
  },
});
