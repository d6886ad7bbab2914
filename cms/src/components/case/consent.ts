import { CONSENT_SCOPES } from '../../lib/content.ts';
import { choicesOf, componentType, date, optionalString } from '../../lib/schema-kit.ts';

/**
 * content/schemas/case-summary.ts `caseConsentSchema`: the consent a case needs before publish
 * (PIPL). The attribute that holds it on the case summary is `private`: never in the Content API.
 */
export default componentType({
  collectionName: 'components_case_consents',
  displayName: '同意记录',
  description: '当事人（未成年人由监护人）同意匿名发布的记录，不对外公开',
  attributes: {
    recordedOn: date(),
    /** Scope keys of content/'s CONSENT_SCOPES, e.g. ["portal-publication"]. */
    scope: choicesOf(CONSENT_SCOPES),
    guardian: optionalString(20),
  },
});
