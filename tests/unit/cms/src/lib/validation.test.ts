import { describe, expect, it } from 'vitest';
import { publishIssues, toValidationError } from '../../../../../cms/src/lib/validation.ts';
import type { Project } from '../../../../../content/index.ts';
import { demoSnapshot } from '../../../../support/fixtures/site.ts';

/** A demo project as the Document Service returns it (relations as `{ slug }`, `projectStatus`). */
function strapiProject(project: Project, cover: unknown): Record<string, unknown> {
  const { status, charity, needs, campaigns, ...rest } = project;
  return {
    ...rest,
    projectStatus: status,
    charity: { slug: charity },
    needs: needs.map((slug) => ({ slug })),
    campaigns: campaigns.map((slug) => ({ slug })),
    cover,
  };
}

const file = { url: '/uploads/clinic_0a1b2c3d4e.jpg', width: 2000, height: 1333, mime: 'image/jpeg', formats: null };

describe('publish-time validation of the cover image', () => {
  const project = demoSnapshot().projects[0];
  if (!project) throw new Error('the demo data has projects');

  it('publishes a project without a cover, and with a complete one', () => {
    expect(publishIssues('projects', strapiProject(project, null))).toEqual([]);
    const cover = { id: 3, image: file, alt: '村卫生室外景', noIdentifiableBeneficiary: true };
    expect(publishIssues('projects', strapiProject(project, cover))).toEqual([]);
  });

  it('refuses a cover whose no-identifiable-beneficiary box is not ticked, naming the field in Chinese', () => {
    const cover = { id: 3, image: file, alt: '村卫生室外景', noIdentifiableBeneficiary: false };
    const issues = publishIssues('projects', strapiProject(project, cover));
    expect(issues).toEqual([
      {
        entry: '',
        field: 'cover.noIdentifiableBeneficiary',
        message: '发布带封面图片的内容前，须确认“图片中没有可识别的受助人（不含未成年人面部）”',
      },
    ]);
    expect(toValidationError('projects', issues).message).toBe(
      '慈善项目未通过发布校验：「封面图片」「图片中没有可识别的受助人」：发布带封面图片的内容前，须确认“图片中没有可识别的受助人（不含未成年人面部）”',
    );
  });

  it('refuses a cover without alt text or without a picture', () => {
    const noAlt = publishIssues('typicalCases', {
      ...demoSnapshot().typicalCases[0],
      projects: [],
      charities: [],
      cover: { image: file, alt: null, noIdentifiableBeneficiary: true },
    });
    expect(noAlt.map((i) => [i.field, i.message])).toEqual([['cover.alt', expect.stringMatching(/^请填写图片说明/)]]);
    const noImage = publishIssues(
      'projects',
      strapiProject(project, { image: null, alt: '外景', noIdentifiableBeneficiary: true }),
    );
    expect(noImage.map((i) => [i.field, i.message])).toEqual([['cover.image', '请上传封面图片']]);
  });
});
