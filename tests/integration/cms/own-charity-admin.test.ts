import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../../content/snapshot/snapshot-schema.ts';
import { STRAPI_COLLECTIONS } from '../../../content/snapshot/strapi-mapping.ts';
import { type BootedCms, bootCms } from '../../support/cms.ts';
import { DATABASES } from '../../support/databases.ts';
import { FIXTURE_MINISTRY_ENTRIES } from '../../support/fixture-snapshot.ts';
import { contentManager, request } from '../../support/http.ts';
import {
  CONSENT,
  documentIds,
  type Editor,
  entryData,
  loginEditors,
  loginNewAdmin,
  rowCount,
  storedRows,
  UID,
} from '../../support/rbac.ts';

/**
 * "A charity editor can create, edit and publish only their own charity's projects, disclosures
 * and case summaries" — over real HTTP, through the content-manager admin API the admin panel
 * uses. Every refusal is checked in the database too: the stored rows are unchanged.
 */

type ErrorBody = { error?: { status?: number; message?: string } };
type Doc = { documentId: string; slug: string; publishedAt?: string | null };

describe.each(DATABASES)('慈善组织编辑只能改本组织的内容：管理后台（$name）', ({ target, skip }) => {
  let cms: BootedCms;
  let a: Editor;
  let b: Editor;
  let ministry: Editor;
  let ids: (collection: CollectionName, slug: string) => string;
  /** A draft disclosure of charity B's project (the fixture has none). */
  let disclosureB: string;

  beforeAll(async () => {
    if (skip) return;
    cms = await bootCms(target);
    ({ a, b, ministry } = await loginEditors(cms));
    ids = await documentIds(cms);
    const data = entryData('disclosures', 'minxian-q1', ids, {
      slug: 'b-q1',
      project: ids('projects', 'lanzhou-kangfu'),
    });
    disclosureB = (await cms.strapi.documents(UID.disclosure).create({ data: data as never })).documentId;
  });
  afterAll(async () => {
    await cms?.stop();
  });

  const cm = (editor: Editor, uid: string, path = '', method = 'GET', body?: unknown) =>
    request<ErrorBody & { data?: Doc; results?: Doc[] }>(`${contentManager(cms.url, uid)}${path}`, {
      method,
      token: editor.token,
      body,
    });
  const charityA = () => ids('charities', 'gansu-cishan');
  const charityB = () => ids('charities', 'lanzhou-ertong');
  const projectA = () => ids('projects', 'minxian-zhuxue');
  const projectB = () => ids('projects', 'lanzhou-kangfu');

  /** Runs `attempt`, expects 403, and checks that the document's stored rows did not change. */
  const refusedAndUnchanged = async (uid: string, documentId: string, attempt: () => Promise<{ status: number }>) => {
    const before = await storedRows(cms, uid, documentId);
    expect(before.length).toBeGreaterThan(0);
    const res = await attempt();
    expect(res.status).toBe(403);
    expect(await storedRows(cms, uid, documentId)).toEqual(before);
  };

  it.skipIf(skip)('列表只含本组织的项目、信息公开与帮扶案例', async () => {
    const projects = await cm(a, UID.project);
    expect(projects.status).toBe(200);
    expect(projects.body.results?.map((p) => p.slug)).toEqual(['minxian-zhuxue']);
    const projectsOfB = await cm(b, UID.project);
    expect(projectsOfB.body.results?.map((p) => p.slug)).toEqual(['lanzhou-kangfu']);
    // Nested condition (project.charity): A sees the fixture's disclosures, B none.
    const disclosures = await cm(a, UID.disclosure);
    expect(disclosures.body.results?.map((d) => d.slug).sort()).toEqual(['minxian-q1', 'minxian-q1-gengzheng']);
    expect((await cm(b, UID.disclosure)).body.results?.map((d) => d.slug)).toEqual(['b-q1']);
    expect((await cm(b, UID.caseSummary)).body.results).toEqual([]);
    const charities = await cm(a, UID.charity);
    expect(charities.body.results?.map((c) => c.slug)).toEqual(['gansu-cishan']);
    // The condition filters by charity documentId, not by `editors`: no editor is populated into the list.
    expect(charities.text).not.toContain('"editors"');
    expect(charities.text).not.toContain(b.account.email);
  });

  it.skipIf(skip)('读取、修改、发布、取消发布、删除其他组织的项目：403，数据库不变', async () => {
    const id = projectB();
    await refusedAndUnchanged(UID.project, id, () => cm(a, UID.project, `/${id}`));
    await refusedAndUnchanged(UID.project, id, () => cm(a, UID.project, `/${id}`, 'PUT', { title: '被改了' }));
    const hooks = cms.webhooks.length;
    await refusedAndUnchanged(UID.project, id, () => cm(a, UID.project, `/${id}/actions/publish`, 'POST', {}));
    await refusedAndUnchanged(UID.project, id, () => cm(a, UID.project, `/${id}/actions/unpublish`, 'POST', {}));
    await refusedAndUnchanged(UID.project, id, () => cm(a, UID.project, `/${id}/actions/discard`, 'POST', {}));
    await refusedAndUnchanged(UID.project, id, () => cm(a, UID.project, `/${id}`, 'DELETE'));
    await refusedAndUnchanged(UID.project, id, () =>
      cm(a, UID.project, '/actions/bulkDelete', 'POST', { documentIds: [id] }),
    );
    expect(cms.webhooks.length).toBe(hooks);
    // The other charity's own editor still can (the rule is "own", not "nobody").
    const own = await cm(b, UID.project, `/${id}`, 'PUT', { title: '兰州康复（编辑二修改）' });
    expect(own.status).toBe(200);
  });

  it.skipIf(skip)('在其他组织名下新建项目：403，什么也没写入', async () => {
    const rows = await rowCount(cms, UID.project);
    const data = entryData('projects', 'minxian-zhuxue', ids, { slug: 'a-under-b', charity: charityB() });
    const draft = await cm(a, UID.project, '', 'POST', data);
    expect(draft.status).toBe(403);
    expect(draft.body.error?.message).toMatch(/慈善组织/);
    const published = await cm(a, UID.project, '/actions/publish', 'POST', { ...data, slug: 'a-under-b-2' });
    expect(published.status).toBe(403);
    // No charity at all is refused as well: nobody would own it.
    const orphan = await cm(a, UID.project, '', 'POST', { slug: 'a-orphan', title: '无主项目' });
    expect(orphan.status).toBe(403);
    expect(await rowCount(cms, UID.project)).toBe(rows);
  });

  it.skipIf(skip)('把本组织的项目转给其他组织、把信息公开挂到其他组织的项目：403，数据库不变', async () => {
    await refusedAndUnchanged(UID.project, projectA(), () =>
      cm(a, UID.project, `/${projectA()}`, 'PUT', { charity: charityB() }),
    );
    await refusedAndUnchanged(UID.project, projectA(), () =>
      cm(a, UID.project, `/${projectA()}/actions/publish`, 'POST', { charity: charityB() }),
    );
    const disclosure = ids('disclosures', 'minxian-q1');
    await refusedAndUnchanged(UID.disclosure, disclosure, () =>
      cm(a, UID.disclosure, `/${disclosure}`, 'PUT', { project: projectB() }),
    );
  });

  it.skipIf(skip)('为其他组织的项目新建信息公开或帮扶案例：403，什么也没写入', async () => {
    const rows = [await rowCount(cms, UID.disclosure), await rowCount(cms, UID.caseSummary)];
    const disclosure = entryData('disclosures', 'minxian-q1', ids, { slug: 'a-for-b', project: projectB() });
    expect((await cm(a, UID.disclosure, '', 'POST', disclosure)).status).toBe(403);
    expect((await cm(a, UID.disclosure, '/actions/publish', 'POST', disclosure)).status).toBe(403);
    const story = entryData('caseSummaries', 'minxian-xiaoli', ids, { slug: 'a-case-b', project: projectB() });
    expect((await cm(a, UID.caseSummary, '', 'POST', { ...story, consent: CONSENT })).status).toBe(403);
    // A correction may only correct the charity's own disclosures.
    const correction = entryData('disclosures', 'minxian-q1', ids, {
      slug: 'a-corrects-b',
      kind: 'correction',
      corrects: disclosureB,
    });
    const corrected = await cm(a, UID.disclosure, '', 'POST', correction);
    expect(corrected.status).toBe(403);
    expect(corrected.body.error?.message).toMatch(/更正只能指向本组织/);
    expect([await rowCount(cms, UID.disclosure), await rowCount(cms, UID.caseSummary)]).toEqual(rows);
    // Reading it, or moving it: 403 (nested condition checked in memory).
    await refusedAndUnchanged(UID.disclosure, disclosureB, () => cm(a, UID.disclosure, `/${disclosureB}`));
    await refusedAndUnchanged(UID.disclosure, disclosureB, () =>
      cm(a, UID.disclosure, `/${disclosureB}`, 'PUT', { project: projectA() }),
    );
  });

  it.skipIf(skip)('复制其他组织的项目：403；从项目一侧接走其他组织的信息公开：不生效', async () => {
    const rows = await rowCount(cms, UID.project);
    const clone = await cm(a, UID.project, `/clone/${projectB()}`, 'POST', { slug: 'a-clone-of-b' });
    expect(clone.status).toBe(403);
    expect(await rowCount(cms, UID.project)).toBe(rows);

    const before = await storedRows(cms, UID.disclosure, disclosureB);
    // `disclosures` is read-only for charity editors: the content-manager drops it from the input.
    await cm(a, UID.project, `/${projectA()}`, 'PUT', { disclosures: { connect: [disclosureB] } });
    expect(await storedRows(cms, UID.disclosure, disclosureB)).toEqual(before);
  });

  it.skipIf(skip)('复制本组织的项目：成功，副本属于本组织，原项目的信息公开与案例留在原项目', async () => {
    // Issue 13 item 4: the clone's `disclosures: { set: [] }` (Strapi empties relations the role
    // may not set) was taken for a change of another entry's parent and refused.
    const disclosures = await storedRows(cms, UID.disclosure, ids('disclosures', 'minxian-q1'));
    const clone = await cm(a, UID.project, `/clone/${projectA()}`, 'POST', {
      slug: 'a-clone-own',
      title: '岷县助学（副本）',
    });
    expect(clone.status, clone.text).toBe(200);
    const cloneId = clone.body.data?.documentId as string;
    const rows = (await storedRows(cms, UID.project, cloneId)) as {
      charity: { documentId: string } | null;
      disclosures: unknown[];
      caseSummaries: unknown[];
    }[];
    expect(rows.map((r) => r.charity?.documentId)).toEqual([charityA()]);
    expect(rows[0]?.disclosures).toEqual([]);
    expect(rows[0]?.caseSummaries).toEqual([]);
    expect(await storedRows(cms, UID.disclosure, ids('disclosures', 'minxian-q1'))).toEqual(disclosures);
    // Still, a restricted caller can't empty a project's disclosures by an update (the field is
    // read-only for the role, so the content-manager drops it; the guard would refuse it).
    const linked = async () =>
      ((await storedRows(cms, UID.project, projectA())) as { disclosures: unknown[] }[]).map((r) => r.disclosures);
    const before = await linked();
    expect(before.flat().length).toBeGreaterThan(0);
    expect((await cm(a, UID.project, `/${projectA()}`, 'PUT', { disclosures: { set: [] } })).status).toBe(200);
    expect(await linked()).toEqual(before);
  });

  it.skipIf(skip)('本组织的项目、信息公开、帮扶案例：可新建、修改、发布（发布校验照常）', async () => {
    const project = await cm(
      a,
      UID.project,
      '/actions/publish',
      'POST',
      entryData('projects', 'minxian-zhuxue', ids, { slug: 'a-new-project', title: '岷县助学二期' }),
    );
    expect(project.status).toBe(200);
    const projectId = project.body.data?.documentId as string;
    const updated = await cm(a, UID.project, `/${projectId}`, 'PUT', { title: '岷县助学（二期）' });
    expect(updated.status).toBe(200);
    // Published before: publishing the change needs its 更正说明.
    const republished = await cm(a, UID.project, `/${projectId}/actions/publish`, 'POST', {
      correctionReason: '项目名称补上期数。',
    });
    expect(republished.status).toBe(200);

    const disclosure = await cm(
      a,
      UID.disclosure,
      '',
      'POST',
      entryData('disclosures', 'minxian-q1', ids, { slug: 'a-new-q1', project: projectId }),
    );
    expect(disclosure.status).toBe(201);
    const disclosureId = disclosure.body.data?.documentId as string;
    expect((await cm(a, UID.disclosure, `/${disclosureId}`, 'PUT', { title: '第一季度进展（修订）' })).status).toBe(
      200,
    );
    expect((await cm(a, UID.disclosure, `/${disclosureId}/actions/publish`, 'POST', {})).status).toBe(200);

    const story = entryData('caseSummaries', 'minxian-xiaoli', ids, { slug: 'a-new-case', project: projectId });
    const created = await cm(a, UID.caseSummary, '', 'POST', { ...story, consent: CONSENT });
    expect(created.status).toBe(201);
    const caseId = created.body.data?.documentId as string;
    // Publish validation still runs inside the guard: a phone number is refused, naming the field.
    await cm(a, UID.caseSummary, `/${caseId}`, 'PUT', { situation: '联系电话 13812345678' });
    const bad = await cm(a, UID.caseSummary, `/${caseId}/actions/publish`, 'POST', {});
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/「基本情况」/);
    await cm(a, UID.caseSummary, `/${caseId}`, 'PUT', { situation: '独居，行动不便。' });
    expect((await cm(a, UID.caseSummary, `/${caseId}/actions/publish`, 'POST', {})).status).toBe(200);

    const published = await cms.strapi.documents(UID.caseSummary).findOne({ documentId: caseId, status: 'published' });
    expect(published?.slug).toBe('a-new-case');
  });

  it.skipIf(skip)('慈善组织编辑可以修改本组织信息，不能修改其他组织', async () => {
    expect((await cm(a, UID.charity, `/${charityA()}`, 'PUT', { summary: '甘肃省慈善总会（已更新）' })).status).toBe(
      200,
    );
    await refusedAndUnchanged(UID.charity, charityB(), () =>
      cm(a, UID.charity, `/${charityB()}`, 'PUT', { summary: '被改了' }),
    );
  });

  it.skipIf(skip)('还没有所属组织的慈善组织编辑：列表为空，什么也不能写', async () => {
    const nobody = await loginNewAdmin(
      cms,
      'xianjie-charity-editor',
      { email: 'orphan@demo.xianjie.local', password: 'Xianjie-Test-Passw0rd', role: 'charityEditor' },
      { firstname: '无组织', lastname: '编辑' },
    );
    const list = await cm(nobody, UID.project);
    expect(list.status).toBe(200);
    expect(list.body.results).toEqual([]);
    await refusedAndUnchanged(UID.project, projectA(), () =>
      cm(nobody, UID.project, `/${projectA()}`, 'PUT', { title: '无组织编辑改的' }),
    );
    const rows = await rowCount(cms, UID.project);
    const data = entryData('projects', 'minxian-zhuxue', ids, { slug: 'nobody-project' });
    expect((await cm(nobody, UID.project, '', 'POST', data)).status).toBe(403);
    expect(await rowCount(cms, UID.project)).toBe(rows);
  });

  it.skipIf(skip)('民政部门编辑：可新建并发布救助需求和表彰，不能修改或新建项目', async () => {
    const need = await cm(
      ministry,
      UID.need,
      '/actions/publish',
      'POST',
      entryData('needs', 'minxian-zhuxue-xuqiu', ids, { slug: 'ministry-need' }),
    );
    expect(need.status).toBe(200);
    const award = await cm(
      ministry,
      UID.award,
      '/actions/publish',
      'POST',
      entryData('awards', 'cishanjiang-12-gansu', ids, { slug: 'ministry-award' }),
    );
    expect(award.status).toBe(200);
    await refusedAndUnchanged(UID.project, projectA(), () =>
      cm(ministry, UID.project, `/${projectA()}`, 'PUT', { title: '民政改的' }),
    );
    const rows = await rowCount(cms, UID.project);
    const create = await cm(ministry, UID.project, '', 'POST', { slug: 'ministry-project', title: '民政建的' });
    expect(create.status).toBe(403);
    expect(await rowCount(cms, UID.project)).toBe(rows);
  });
  // The issue: "a ministry editor owns needs, typical cases, awards and campaigns". Needs and
  // awards are covered above; these are the other two, and the other side of "owns".

  it.skipIf(skip)('民政部门编辑：可新建、发布、修改典型案例和专题活动；不能修改信息公开和帮扶案例', async () => {
    const typicalUid = STRAPI_COLLECTIONS.typicalCases.uid;
    const campaignUid = STRAPI_COLLECTIONS.campaigns.uid;
    for (const [collection, slug] of [
      ['typicalCases', 'gansu-dianxing-1'],
      ['campaigns', 'cishanri-2026'],
    ] as const) {
      const data = entryData(collection, slug, ids, { slug: `ministry-${slug}` });
      const created = await cm(ministry, STRAPI_COLLECTIONS[collection].uid, '/actions/publish', 'POST', data);
      expect(created.status, collection).toBe(200);
      expect(created.body.data?.publishedAt, collection).toBeTruthy();
    }

    const seededTypical = ids('typicalCases', 'gansu-dianxing-1');
    expect(
      (await cm(ministry, typicalUid, `/${seededTypical}`, 'PUT', { title: '岷县助学衔接案例（修订）' })).status,
    ).toBe(200);
    expect((await cm(ministry, typicalUid, `/${seededTypical}/actions/publish`, 'POST', {})).status).toBe(200);
    const seededCampaign = ids('campaigns', 'cishanri-2026');
    expect(
      (await cm(ministry, campaignUid, `/${seededCampaign}`, 'PUT', { theme: '衔接救助，温暖同行（修订）' })).status,
    ).toBe(200);

    await refusedAndUnchanged(UID.disclosure, ids('disclosures', 'minxian-q1'), () =>
      cm(ministry, UID.disclosure, `/${ids('disclosures', 'minxian-q1')}`, 'PUT', { title: '民政改的' }),
    );
    await refusedAndUnchanged(UID.caseSummary, ids('caseSummaries', 'minxian-xiaoli'), () =>
      cm(ministry, UID.caseSummary, `/${ids('caseSummaries', 'minxian-xiaoli')}`, 'PUT', { outcome: '民政改的' }),
    );
  });

  it.skipIf(skip)('慈善组织编辑：不能新建、修改、发布或删除民政部门的四类内容（403，数据库不变）', async () => {
    for (const [collection, slug] of FIXTURE_MINISTRY_ENTRIES) {
      const uid = STRAPI_COLLECTIONS[collection].uid;
      const rows = await rowCount(cms, uid);
      const data = entryData(collection, slug, ids, { slug: `charity-${slug}` });
      expect((await cm(a, uid, '', 'POST', data)).status, `${collection} create`).toBe(403);
      expect((await cm(a, uid, '/actions/publish', 'POST', data)).status, `${collection} publish new`).toBe(403);
      expect(await rowCount(cms, uid), collection).toBe(rows);

      const id = ids(collection, slug);
      await refusedAndUnchanged(uid, id, () => cm(a, uid, `/${id}`, 'PUT', { slug: `${slug}-by-charity` }));
      await refusedAndUnchanged(uid, id, () => cm(a, uid, `/${id}/actions/unpublish`, 'POST', {}));
      await refusedAndUnchanged(uid, id, () => cm(a, uid, `/${id}`, 'DELETE'));
    }
  });
});
