import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publisherStatus, waitForAttempt, waitForIdle } from '../../bench/harness/publisher-status.ts';
import { STRAPI_COLLECTIONS } from '../../content/snapshot/strapi-mapping.ts';
import { account, journeyPortal, liveSnapshot, step } from '../support/journeys/journey-context.ts';
import { adminToken, contentManager, documentIdOf } from '../support/journeys/strapi-admin.ts';

/**
 * Journey 5: a change whose content fails the release's validation leaves the live site as it was,
 * and the status endpoint says why, in Chinese.
 *
 * What it exercises, honestly: Strapi's publish-time validation checks ONE entry when it is
 * published, so a bad entry cannot get in that way. What it cannot see is the snapshot as a whole.
 * Here a charity editor takes one of their projects offline (unpublish — allowed, and unchecked by
 * the CMS) while its disclosures stay published. Strapi then drops the disclosures' link in their
 * published versions, and the release's snapshot validation (content/ `parseSnapshot` +
 * `checkReferences`: "a published disclosure must belong to a published project") refuses the
 * whole snapshot. The live release must stay the same; publishing the project again heals it.
 */
const PROJECT_UID = STRAPI_COLLECTIONS.projects.uid;
const { baseUrl, strapiUrl } = journeyPortal();
const editor = account((a) => a.role === 'charityEditor' && a.email.startsWith('charity1@'), '慈善组织编辑一');
let token: string;
let projectSlug: string;
let projectTitle: string;
let documentId: string;

beforeAll(async () => {
  await waitForIdle(baseUrl);
  const snapshot = liveSnapshot();
  const withDisclosures = snapshot.projects
    .filter((p) => p.charity === editor.charity && snapshot.disclosures.some((d) => d.project === p.slug))
    .sort((a, b) => b.slug.localeCompare(a.slug));
  const project = withDisclosures[0];
  if (!project) throw new Error('该编辑所在的慈善组织没有带信息公开的项目');
  projectSlug = project.slug;
  projectTitle = project.title;
  token = await adminToken(strapiUrl, editor);
  documentId = await documentIdOf(strapiUrl, token, PROJECT_UID, projectSlug);
});

afterAll(async () => {
  // Leave the portal healthy for the other journeys even when an assertion failed midway.
  if (!token || !documentId) return;
  const s = await publisherStatus(baseUrl);
  if (s.lastAttempt?.ok === false) {
    await contentManager(strapiUrl, token, 'POST', `collection-types/${PROJECT_UID}/${documentId}/actions/publish`, {});
    await waitForAttempt(baseUrl, s.lastAttempt.startedAt, { until: (a) => a.ok === true });
  }
});

describe('journey 5: content that fails the release validation', () => {
  it('keeps the live release, and /_publisher/status says why in Chinese', async () => {
    const before = await publisherStatus(baseUrl);
    const liveId = before.current?.id;
    expect(liveId).toBeTruthy();
    const pageBefore = await fetch(`${baseUrl}/projects/${projectSlug}/`);
    expect(pageBefore.status).toBe(200);

    step('5', `慈善组织编辑撤下（取消发布）仍有已发布信息公开的项目 ${projectSlug}`);
    const unpublish = await contentManager(
      strapiUrl,
      token,
      'POST',
      `collection-types/${PROJECT_UID}/${documentId}/actions/unpublish`,
      {},
    );
    expect(unpublish.status, JSON.stringify(unpublish.body)).toBe(200);

    const { attempt, status, seconds } = await waitForAttempt(baseUrl, before.lastAttempt?.startedAt ?? null);
    step('5', `构建结束（${seconds.toFixed(1)} 秒）：${attempt.ok ? '成功' : '失败'}`);
    expect(attempt.ok).toBe(false);
    expect(attempt.stage).toBe('pull');
    expect(attempt.error).toMatch(/拉取并校验内容快照失败/);
    expect(attempt.error).toMatch(/信息公开/);
    expect(attempt.error).toMatch(/project/);
    // The live release did not move, and its page is still served as it was.
    expect(status.current?.id).toBe(liveId);
    const pageAfter = await fetch(`${baseUrl}/projects/${projectSlug}/`);
    expect(pageAfter.status).toBe(200);
    expect(await pageAfter.text()).toContain(projectTitle);
  });

  it('publishing the project again heals the next release', async () => {
    const before = await publisherStatus(baseUrl);
    step('5', '重新发布该项目');
    const publish = await contentManager(
      strapiUrl,
      token,
      'POST',
      `collection-types/${PROJECT_UID}/${documentId}/actions/publish`,
      {},
    );
    expect(publish.status, JSON.stringify(publish.body)).toBe(200);
    const { attempt, status } = await waitForAttempt(baseUrl, before.lastAttempt?.startedAt ?? null);
    expect(attempt.error).toBeNull();
    expect(attempt.ok).toBe(true);
    expect(status.current?.id).not.toBe(before.current?.id);
    const snapshot = liveSnapshot();
    expect(snapshot.projects.some((p) => p.slug === projectSlug)).toBe(true);
    expect(snapshot.disclosures.some((d) => d.project === projectSlug)).toBe(true);
  });
});
