import { z } from 'zod';
import { notProse } from './not-prose.ts';

/**
 * An optional cover picture of a project or a typical case, uploaded to the CMS's media library.
 * Pictures of people in need are where a beneficiary is most easily identified (DESIGN.md: never
 * in public output), so a cover publishes only with alt text for screen readers and the editor's
 * confirmation that it shows no identifiable beneficiary — no faces of minors (未成年人保护法
 * 第四条、第六十九条; 民发〔2023〕46号 on protecting recipients' privacy).
 */

export const COVER_CONSENT_LABEL = '图片中没有可识别的受助人（不含未成年人面部）';

/** One stored size of the picture. `url` is a path or address the CMS gave. */
export const imageFileSchema = z.object({
  url: notProse(z.string().min(1, { message: '请上传封面图片' }), 'link'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ImageFile = z.infer<typeof imageFileSchema>;

const ALT_MISSING = '请填写图片说明（替代文字），供看不到图片的读者使用';

export const coverImageSchema = z.object({
  /** The original upload, and the smaller sizes the media library made of it (narrowest first). */
  image: z.object(
    { ...imageFileSchema.shape, formats: z.array(imageFileSchema).default([]) },
    { error: '请上传封面图片' },
  ),
  /** What the picture shows, for people who cannot see it. */
  alt: z
    .string({ error: ALT_MISSING })
    .trim()
    .min(1, { message: ALT_MISSING })
    .max(120, { message: '图片说明不能超过 120 个字符' }),
  /** The editor's confirmation; publishing refuses anything but `true`. */
  noIdentifiableBeneficiary: z.literal(true, { message: `发布带封面图片的内容前，须确认“${COVER_CONSENT_LABEL}”` }),
});
export type CoverImage = z.infer<typeof coverImageSchema>;
