import { describe, expect, it } from 'vitest';
import { lintEntryText } from '../../../../content/rules/publish-lint.ts';
import { COVER_CONSENT_LABEL, coverImageSchema } from '../../../../content/schemas/cover-image.ts';
import { PROJECT_FIELD_LABELS, projectSchema } from '../../../../content/schemas/project.ts';
import { typicalCaseSchema } from '../../../../content/schemas/typical-case.ts';
import { demoSnapshot } from '../../../support/fixtures/site.ts';

const cover = {
  image: {
    url: '/uploads/clinic_0a1b2c3d4e.jpg',
    width: 2000,
    height: 1333,
    formats: [
      { url: '/uploads/small_clinic_0a1b2c3d4e.jpg', width: 500, height: 333 },
      { url: '/uploads/large_clinic_0a1b2c3d4e.jpg', width: 1000, height: 667 },
    ],
  },
  alt: '志愿者在村卫生室为老人测量血压',
  noIdentifiableBeneficiary: true,
};

function messages(value: unknown): Record<string, string> {
  const parsed = coverImageSchema.safeParse(value);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('the optional cover image', () => {
  it('publishes with a picture, its alt text and the confirmation', () => {
    expect(coverImageSchema.parse(cover)).toEqual(cover);
    expect(coverImageSchema.parse({ ...cover, image: { ...cover.image, formats: undefined } }).image.formats).toEqual(
      [],
    );
  });

  it('refuses a cover without the no-identifiable-beneficiary confirmation, saying what to confirm', () => {
    for (const value of [false, undefined, null]) {
      expect(messages({ ...cover, noIdentifiableBeneficiary: value })).toEqual({
        noIdentifiableBeneficiary: `发布带封面图片的内容前，须确认“${COVER_CONSENT_LABEL}”`,
      });
    }
    expect(COVER_CONSENT_LABEL).toBe('图片中没有可识别的受助人（不含未成年人面部）');
  });

  it('refuses a cover without alt text, or without a picture, in Chinese', () => {
    for (const alt of ['', '   ', null]) expect(messages({ ...cover, alt }).alt).toMatch(/^请填写图片说明（替代文字）/);
    expect(messages({ ...cover, alt: '图'.repeat(121) }).alt).toBe('图片说明不能超过 120 个字符');
    expect(messages({ ...cover, image: null })).toEqual({ image: '请上传封面图片' });
  });

  it('is optional on projects and typical cases, and named in correction notes', () => {
    const snapshot = demoSnapshot();
    const project = snapshot.projects[0];
    const item = snapshot.typicalCases[0];
    if (!project || !item) throw new Error('the demo data has projects and typical cases');
    expect(projectSchema.parse(project).cover).toBeUndefined();
    expect(projectSchema.parse({ ...project, cover }).cover).toEqual(cover);
    expect(typicalCaseSchema.parse({ ...item, cover }).cover).toEqual(cover);
    expect(
      typicalCaseSchema.safeParse({ ...item, cover: { ...cover, noIdentifiableBeneficiary: false } }).success,
    ).toBe(false);
    expect(PROJECT_FIELD_LABELS.cover).toBe('封面图片');
  });

  it('lints the alt text for personal information like any free text, but not the file addresses', () => {
    const project = demoSnapshot().projects[0];
    if (!project) throw new Error('the demo data has projects');
    const withPhone = { ...project, cover: { ...cover, alt: '联系电话 13912345678 的张大妈' } };
    expect(lintEntryText('projects', withPhone).map((i) => i.field)).toEqual(['cover.alt']);
    const numberedFile = { ...cover, image: { ...cover.image, url: '/uploads/img_13912345678.jpg' } };
    expect(lintEntryText('projects', { ...project, cover: numberedFile })).toEqual([]);
  });
});
