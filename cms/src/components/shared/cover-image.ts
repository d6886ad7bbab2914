import { COVER_CONSENT_LABEL } from '../../lib/content.ts';
import { componentType, image, optionalString } from '../../lib/schema-kit.ts';

/**
 * content/schemas/cover-image.ts `coverImageSchema`: an optional cover picture with its alt text
 * and the editor's confirmation that it shows no identifiable beneficiary. The fields are optional
 * here so a draft saves half-done; publishing checks all three (src/lib/validation.ts).
 */
export default componentType({
  collectionName: 'components_shared_cover_images',
  displayName: '封面图片',
  description: `可选的封面图片；发布前须填写图片说明并确认“${COVER_CONSENT_LABEL}”`,
  attributes: {
    image: image(),
    alt: optionalString(120),
    noIdentifiableBeneficiary: { type: 'boolean', required: false, default: false },
  },
});
