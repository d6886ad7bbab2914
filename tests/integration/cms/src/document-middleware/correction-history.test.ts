import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../../../content/rules/dates.ts';
import type { CollectionName } from '../../../../../content/snapshot/snapshot-schema.ts';
import { pullStrapiSnapshot } from '../../../../../content/snapshot/strapi-pull.ts';
import { type BootedCms, bootCms, CMS_DIR } from '../../../../support/cms.ts';
import { DATABASES } from '../../../../support/databases.ts';
import { FIXTURE_SNAPSHOT } from '../../../../support/fixture-snapshot.ts';
import { fullAccessApiToken, request } from '../../../../support/http.ts';
import { documentIds, type Editor, entryData, loginEditors, storedRows, UID } from '../../../../support/rbac.ts';

/**
 * 更正说明 (issue 13 item 12): a published disclosure or project that is changed is published
 * again only with a correction note, recorded in its history in the same transaction; the first
 * publish needs none; nobody rewrites the history; a pull and the import carry it. Real Strapi,
 * real HTTP (the content-manager API the admin panel uses, and the Content API).
 */

type SeedModule = typeof import('../../../../../cms/src/bootstrap/seed.ts');
type Note = { date: string; fields: string[]; reason: string };
type Doc = Record<string, unknown> & { documentId: string; title?: string; corrections?: Note[]; status?: string };
type ErrorBody = {
  error?: { status?: number; message?: string; details?: { code?: string; errors?: { path: string[] }[] } };
};

const D = UID.disclosure;
const P = UID.project;
const REASON = '标题和正文中的季度写错了，已按原始记录更正。';

/** A note as stored, without component ids. */
const notes = (doc: Doc | null | undefined): Note[] =>
  (doc?.corrections ?? []).map(({ date, fields, reason }) => ({ date, fields, reason }));

describe.each(DATABASES)('更正说明（$name）', ({ target, skip }) => {
  let cms: BootedCms;
  let a: Editor;
  let ids: (collection: CollectionName, slug: string) => string;
  let apiToken: string;

  beforeAll(async () => {
    if (skip) return;
    cms = await bootCms(target);
    ({ a } = await loginEditors(cms));
    ids = await documentIds(cms);
    apiToken = await fullAccessApiToken(cms.strapi);
  });
  afterAll(async () => {
    await cms?.stop();
  });

  /** The content-manager admin API as charity editor A (who owns project minxian-zhuxue). */
  const cm = (uid: string, path = '', method = 'GET', body?: unknown) =>
    request<ErrorBody & { data?: Doc }>(`${cms.url}/content-manager/collection-types/${uid}${path}`, {
      method,
      token: a.token,
      body,
    });

  const version = async (uid: typeof D | typeof P, documentId: string, status: 'draft' | 'published') =>
    (await cms.strapi
      .documents(uid)
      .findOne({ documentId, status, populate: { corrections: true } as never })) as Doc | null;

  /** A new disclosure of A's project, created and published at once in the edit view (no reason asked). */
  const publishedDisclosure = async (slug: string): Promise<string> => {
    const res = await cm(D, '/actions/publish', 'POST', entryData('disclosures', 'minxian-q1', ids, { slug }));
    expect(res.status, res.text).toBe(200);
    return res.body.data?.documentId as string;
  };

  /** What the edit view holds for a document: the draft as the content-manager returns it. */
  const editForm = async (uid: string, documentId: string): Promise<Doc> => {
    const res = await cm(uid, `/${documentId}`);
    expect(res.status, res.text).toBe(200);
    return res.body.data as Doc;
  };

  it.skipIf(skip)('第一次发布不需要更正说明，更正记录为空', async () => {
    const id = await publishedDisclosure('gz-first');
    expect(notes(await version(D, id, 'published'))).toEqual([]);
    expect(notes(await version(D, id, 'draft'))).toEqual([]);
  });

  it.skipIf(skip)('修改已发布的信息公开后不填更正说明再次发布：400，说明怎么做，什么都没改', async () => {
    const id = await publishedDisclosure('gz-no-reason');
    const before = await storedRows(cms, D, id);
    const form = await editForm(D, id);
    const res = await cm(D, `/${id}/actions/publish`, 'POST', { ...form, title: '第二季度进展' });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/「更正说明」：此内容已公开，修改后再次发布须填写更正说明/);
    expect(res.body.error?.message).toContain('本次修改了：标题');
    expect(res.body.error?.details?.code).toBe('CORRECTION_REASON_REQUIRED');
    expect(res.body.error?.details?.errors?.[0]?.path).toEqual(['correctionReason']);
    // Rolled back: neither the published version nor the draft took the edit.
    expect(await storedRows(cms, D, id)).toEqual(before);
    const pub = await request<{ data: { title: string }[] }>(
      `${cms.url}/api/disclosures?filters[slug][$eq]=gz-no-reason`,
    );
    expect(pub.body.data.map((d) => d.title)).toEqual(['第一季度进展']);
  });

  it.skipIf(skip)('填了更正说明：发布成功，更正记录追加{日期、修改的字段、原因}，更正说明栏清空', async () => {
    const id = await publishedDisclosure('gz-with-reason');
    const form = await editForm(D, id);
    const res = await cm(D, `/${id}/actions/publish`, 'POST', {
      ...form,
      title: '第一季度进展（修订）',
      body: '本季度发放助学金 21 份。',
      correctionReason: REASON,
    });
    expect(res.status, res.text).toBe(200);
    const first = { date: todayIso(), fields: ['title', 'body'], reason: REASON };
    expect(notes(await version(D, id, 'published'))).toEqual([first]);
    expect(notes(await version(D, id, 'draft'))).toEqual([first]);
    const rows = (await cms.strapi.db.query(D).findMany({ where: { documentId: id } })) as Record<string, unknown>[];
    expect(rows.map((r) => r.correctionReason)).toEqual([null, null]);
    // The edit view shows it published, not "modified", with the note and an empty reason field.
    const after = await editForm(D, id);
    expect(after.status).toBe('published');
    expect(after.correctionReason ?? null).toBeNull();
    expect(notes(after)).toEqual([first]);
    // The Content API (what the site pulls) has it.
    const pub = await request<{ data: Doc[] }>(
      `${cms.url}/api/disclosures?filters[slug][$eq]=gz-with-reason&populate[corrections]=true`,
    );
    expect(notes(pub.body.data[0])).toEqual([first]);
    expect(pub.text).not.toContain('publishedFingerprint');

    // Publishing again without a change needs no reason and adds nothing.
    expect((await cm(D, `/${id}/actions/publish`, 'POST', after)).status).toBe(200);
    // A second change appends a second note and keeps the first.
    const second = await cm(D, `/${id}/actions/publish`, 'POST', {
      ...after,
      raisedToDateFen: '1234600',
      correctionReason: '累计募得金额漏计了一笔到账，已按银行回单更正。',
    });
    expect(second.status, second.text).toBe(200);
    expect(notes(await version(D, id, 'published'))).toEqual([
      first,
      { date: todayIso(), fields: ['raisedToDateFen'], reason: '累计募得金额漏计了一笔到账，已按银行回单更正。' },
    ]);
  });

  it.skipIf(skip)('项目也一样：募捐方案里改了哪一项，更正记录就写哪一项', async () => {
    const id = ids('projects', 'minxian-zhuxue');
    const form = await editForm(P, id);
    const plan = form.plan as Record<string, unknown>;
    const refused = await cm(P, `/${id}/actions/publish`, 'POST', {
      ...form,
      plan: { ...plan, beneficiarySelection: '由乡镇民政服务站推荐，并在村委会公示' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain('本次修改了：受益人确定方式');
    const ok = await cm(P, `/${id}/actions/publish`, 'POST', {
      ...form,
      plan: { ...plan, beneficiarySelection: '由乡镇民政服务站推荐，并在村委会公示' },
      correctionReason: '补充受益人确定方式：增加公示环节。',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(notes(await version(P, id, 'published'))).toEqual([
      { date: todayIso(), fields: ['plan.beneficiarySelection'], reason: '补充受益人确定方式：增加公示环节。' },
    ]);
  });

  it.skipIf(skip)('更正说明会公开：含个人信息或太短都被拒绝', async () => {
    const id = await publishedDisclosure('gz-pii');
    const form = await editForm(D, id);
    const pii = await cm(D, `/${id}/actions/publish`, 'POST', {
      ...form,
      body: '本季度发放助学金 19 份。',
      correctionReason: '家长来电13812345678指出份数有误',
    });
    expect(pii.status).toBe(400);
    expect(pii.body.error?.message).toMatch(/「更正说明」：更正说明会公开，不能包含个人信息：疑似手机号码“138…”/);
    expect(pii.text).not.toContain('13812345678');
    const short = await cm(D, `/${id}/actions/publish`, 'POST', {
      ...form,
      body: '本季度发放助学金 19 份。',
      correctionReason: '改',
    });
    expect(short.status).toBe(400);
    expect(short.body.error?.details?.code).toBe('CORRECTION_REASON_INVALID');
    expect(notes(await version(D, id, 'published'))).toEqual([]);
  });

  it.skipIf(skip)('编辑不能改写或删除更正记录（管理后台、Content API、Document Service）', async () => {
    const id = await publishedDisclosure('gz-history');
    await cms.strapi
      .documents(D)
      .update({ documentId: id, data: { title: '第一季度进展（修订）', correctionReason: REASON } as never });
    await cms.strapi.documents(D).publish({ documentId: id });
    const recorded = notes(await version(D, id, 'published'));
    expect(recorded).toHaveLength(1);
    const before = await storedRows(cms, D, id);

    const form = await editForm(D, id);
    const edited = (form.corrections as Note[]).map((c) => ({ ...c, reason: '没有改过任何内容。' }));
    for (const corrections of [
      edited,
      [],
      [...(form.corrections as Note[]), { date: '2026-01-01', fields: ['body'], reason: '补一条记录。' }],
    ]) {
      const res = await cm(D, `/${id}`, 'PUT', { ...form, corrections });
      expect(res.status).toBe(400);
      expect(res.body.error?.details?.code).toBe('CORRECTION_HISTORY_READ_ONLY');
      expect(res.body.error?.message).toMatch(/更正记录由系统在再次发布时生成，不能新增、修改或删除/);
    }
    const api = await request<ErrorBody>(`${cms.url}/api/disclosures/${id}?status=draft`, {
      method: 'PUT',
      token: apiToken,
      body: { data: { corrections: [] } },
    });
    expect(api.status).toBe(400);
    await expect(
      cms.strapi.documents(D).update({ documentId: id, data: { corrections: [] } as never }),
    ).rejects.toThrow(/更正记录由系统在再次发布时生成/);
    expect(await storedRows(cms, D, id)).toEqual(before);

    // The edit view sends the history back unchanged with every save: that is allowed and keeps it.
    const save = await cm(D, `/${id}`, 'PUT', { ...form, title: '第一季度进展（再修订）' });
    expect(save.status, save.text).toBe(200);
    expect(notes(await version(D, id, 'draft'))).toEqual(recorded);

    // Even a history forged in the draft's rows (past every guard) never reaches the public:
    // a publish starts from the published history.
    const draftRow = (await cms.strapi.db.query(D).findOne({ where: { documentId: id, publishedAt: null } })) as {
      id: number;
    };
    const forged = await cms.strapi.documents(D).updateComponents({ id: draftRow.id }, { corrections: [] } as never);
    await cms.strapi.db.query(D).update({ where: { id: draftRow.id }, data: forged });
    expect(notes(await version(D, id, 'draft'))).toEqual([]);
    await cms.strapi
      .documents(D)
      .update({ documentId: id, data: { correctionReason: '标题再次修订，改正错字。' } as never });
    await cms.strapi.documents(D).publish({ documentId: id });
    const published = notes(await version(D, id, 'published'));
    expect(published.slice(0, 1)).toEqual(recorded);
    expect(published[1]?.fields).toEqual(['title']);
    expect(notes(await version(D, id, 'draft'))).toEqual(published);
  });

  it.skipIf(skip)('编辑页：更正记录只读，更正说明有中文标签', async () => {
    const res = await request<{
      data: {
        contentType: { metadatas: Record<string, { edit: { label: string; editable: boolean } }> };
        components: Record<
          string,
          { settings: { mainField: string }; metadatas: Record<string, { edit: { editable: boolean } }> }
        >;
      };
    }>(`${cms.url}/content-manager/content-types/${D}/configuration`, { token: a.token });
    expect(res.status, res.text).toBe(200);
    const meta = res.body.data.contentType.metadatas;
    expect(meta.corrections?.edit.editable).toBe(false);
    expect(meta.corrections?.edit.label).toContain('更正记录');
    expect(meta.correctionReason?.edit.editable).toBe(true);
    expect(meta.correctionReason?.edit.label).toContain('更正说明');
    expect(meta.publishedFingerprint).toBeUndefined();
    const history = res.body.data.components['shared.correction'];
    expect(history?.metadatas.reason?.edit.editable).toBe(false);
    // A collapsed entry is titled by its reason.
    expect(history?.settings.mainField).toBe('reason');
  });

  it.skipIf(skip)('取消发布、修改、再发布：仍须更正说明，旧记录保留', async () => {
    const id = await publishedDisclosure('gz-withdrawn');
    await cms.strapi
      .documents(D)
      .update({ documentId: id, data: { body: '份数更正。', correctionReason: REASON } as never });
    await cms.strapi.documents(D).publish({ documentId: id });
    const recorded = notes(await version(D, id, 'published'));
    await cms.strapi.documents(D).unpublish({ documentId: id });
    await cms.strapi.documents(D).update({ documentId: id, data: { title: '悄悄改掉的标题' } as never });
    await expect(cms.strapi.documents(D).publish({ documentId: id })).rejects.toThrow(
      /此内容已公开，修改后再次发布须填写更正说明/,
    );
    expect(await version(D, id, 'published')).toBeNull();
    await cms.strapi
      .documents(D)
      .update({ documentId: id, data: { correctionReason: '撤回后修改了标题，使其与正文一致。' } as never });
    await cms.strapi.documents(D).publish({ documentId: id });
    expect(notes(await version(D, id, 'published'))).toEqual([
      ...recorded,
      { date: todayIso(), fields: ['title'], reason: '撤回后修改了标题，使其与正文一致。' },
    ]);
  });

  it.skipIf(skip)('Content API 令牌直接更新并发布：同样须更正说明', async () => {
    const id = await publishedDisclosure('gz-api');
    const put = (data: Record<string, unknown>) =>
      request<ErrorBody>(`${cms.url}/api/disclosures/${id}`, { method: 'PUT', token: apiToken, body: { data } });
    const refused = await put({ title: '第一季度进展（接口修改）' });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details?.code).toBe('CORRECTION_REASON_REQUIRED');
    expect((await version(D, id, 'published'))?.title).toBe('第一季度进展');
    const ok = await put({ title: '第一季度进展（接口修改）', correctionReason: '标题漏写了修订字样，已补上。' });
    expect(ok.status, ok.text).toBe(200);
    expect(notes(await version(D, id, 'published'))).toEqual([
      { date: todayIso(), fields: ['title'], reason: '标题漏写了修订字样，已补上。' },
    ]);
  });

  it.skipIf(skip)('复制出的新条目没有更正记录', async () => {
    const id = await publishedDisclosure('gz-clone-source');
    await cms.strapi
      .documents(D)
      .update({ documentId: id, data: { body: '份数更正。', correctionReason: REASON } as never });
    await cms.strapi.documents(D).publish({ documentId: id });
    const copy = await cms.strapi.documents(D).clone({ documentId: id, data: { slug: 'gz-clone-copy' } as never });
    expect(notes(await version(D, copy?.documentId as string, 'draft'))).toEqual([]);
  });

  it.skipIf(skip)('从 Strapi 拉取的快照带着更正记录；导入快照时保留其中的更正记录', async () => {
    const snapshot = await pullStrapiSnapshot({ url: cms.url });
    const pulled = snapshot.disclosures.find((d) => d.slug === 'gz-with-reason');
    expect(pulled?.corrections.map((c) => c.fields)).toEqual([['title', 'body'], ['raisedToDateFen']]);
    expect(snapshot.projects.find((p) => p.slug === 'minxian-zhuxue')?.corrections).toHaveLength(1);

    const seed: SeedModule = createRequire(join(CMS_DIR, 'dist', 'src', 'index.js'))('./bootstrap/seed.js');
    const imported = {
      ...FIXTURE_SNAPSHOT,
      disclosures: FIXTURE_SNAPSHOT.disclosures.map((d) =>
        d.slug === 'minxian-q1'
          ? {
              ...d,
              corrections: [
                { date: '2026-04-20', fields: ['expenses' as const], reason: '一笔支出的日期录入有误，已更正。' },
              ],
            }
          : d,
      ),
    };
    await seed.seedSnapshot(cms.strapi, imported, { log: () => undefined });
    expect(notes(await version(D, ids('disclosures', 'minxian-q1'), 'published'))).toEqual([
      { date: '2026-04-20', fields: ['expenses'], reason: '一笔支出的日期录入有误，已更正。' },
    ]);
  });
});
