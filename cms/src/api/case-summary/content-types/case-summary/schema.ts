import { AGE_BANDS, TARGET_GROUPS } from '../../../../lib/content.ts';
import {
  collectionType,
  component,
  date,
  enumOf,
  keyOf,
  relation,
  slug,
  string,
  text,
} from '../../../../lib/schema-kit.ts';

/**
 * content/schemas/case-summary.ts `caseRecordSchema`: the public case summary plus its consent.
 * `consent` is private: the Content API never returns it, even with populate=*.
 */
export default collectionType({
  collectionName: 'case_summaries',
  singularName: 'case-summary',
  pluralName: 'case-summaries',
  displayName: '帮扶案例',
  description: '匿名的帮扶故事：化名、年龄段、县级地区；发布前须有同意记录，且不得含身份证号、电话等个人信息',
  attributes: {
    slug: slug('alias'),
    project: relation('manyToOne', 'api::project.project', { inversedBy: 'caseSummaries' }),
    alias: string(20),
    /** Keys of content/'s AGE_BANDS (`0-5` … `80+`). */
    ageBand: keyOf(AGE_BANDS),
    region: component('shared.region'),
    group: enumOf(TARGET_GROUPS),
    situation: text(1000),
    governmentAssistance: text(1000),
    charityHelp: text(1000),
    outcome: text(1000),
    publishedOn: date(),
    consent: { ...component('case.consent', { required: false }), private: true },
  },
});
